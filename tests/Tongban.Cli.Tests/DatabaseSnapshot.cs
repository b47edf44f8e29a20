using System.Data.Common;
using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Tongban.Cli.Tests;

/// <summary>
/// Everything a command could have changed: each table's row count, every outbox message's status and attempts, and
/// the bytes of every file in the data directory (on SQLite the database file itself, read after every connection is
/// closed, so a write would have been checkpointed into it).
/// </summary>
internal static class DatabaseSnapshot
{
    public static async Task<string> TakeAsync(TestDatabase database)
    {
        SqliteConnection.ClearAllPools();
        NpgsqlConnection.ClearAllPools();
        var lines = new List<string>();
        await using var connection = Open(database);
        await connection.OpenAsync();
        foreach (var table in await ListAsync(connection, database.Lane == DatabaseLane.Sqlite
                     ? "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
                     : "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename"))
        {
            lines.Add($"{table}: {(await ListAsync(connection, $"SELECT count(*) FROM {table}")).Single()} rows");
            if (table.EndsWith("_outbox_messages", StringComparison.Ordinal))
                lines.AddRange(await ListAsync(connection, $"SELECT id || ' ' || status || ' ' || attempts FROM {table} ORDER BY id"));
        }
        await connection.CloseAsync();
        SqliteConnection.ClearAllPools();
        foreach (var file in Directory.EnumerateFiles(database.DataDirectory, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            if (!file.EndsWith("-wal", StringComparison.Ordinal) && !file.EndsWith("-shm", StringComparison.Ordinal))
                lines.Add($"{Path.GetRelativePath(database.DataDirectory, file)}: {Convert.ToHexString(SHA256.HashData(await File.ReadAllBytesAsync(file)))}");
        return string.Join('\n', lines);
    }

    private static DbConnection Open(TestDatabase database) => database.Lane == DatabaseLane.Sqlite
        ? new SqliteConnection($"Data Source={Path.Combine(database.DataDirectory, "tongban.db")};Mode=ReadOnly;Pooling=False")
        : new NpgsqlConnection(database.ConnectionString);

    private static async Task<List<string>> ListAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync()) values.Add(Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)!);
        return values;
    }
}
