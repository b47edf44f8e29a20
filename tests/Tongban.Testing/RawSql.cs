using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Tongban.Testing;

/// <summary>Plain SQL on a test database, past EF Core and its converters: what someone holding a copy of the database sees.</summary>
public static class RawSql
{
    public static DbConnection Connect(TestDatabase database) => database.Lane == DatabaseLane.Postgres
        ? new NpgsqlConnection(database.ConnectionString)
        : new SqliteConnection($"Data Source={Path.Combine(database.DataDirectory, "tongban.db")};Pooling=False");

    /// <summary>Every row of <paramref name="sql"/>, each column as text (null stays null).</summary>
    public static async Task<List<string?[]>> RowsAsync(TestDatabase database, string sql)
    {
        await using var connection = Connect(database);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string?[]>();
        while (await reader.ReadAsync())
            rows.Add([.. Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? null : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))]);
        return rows;
    }

    /// <summary>The whole table as one text, every column of every row, to search for a value that must not be there.</summary>
    public static async Task<string> TableTextAsync(TestDatabase database, string table) =>
        string.Join('\n', (await RowsAsync(database, $"SELECT * FROM {table}")).Select(r => string.Join('|', r)));
}
