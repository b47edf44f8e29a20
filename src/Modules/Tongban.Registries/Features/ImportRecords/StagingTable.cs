using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;

namespace Tongban.Registries.Features.ImportRecords;

/// <summary>
/// The import's staging table (<c>reg_import_stage</c>, a TEMP table of the import's connection, shaped like the
/// registry's table) and the one provider-specific step: loading a chunk of rows into it. The merge that follows
/// is the same SQL on both providers (<see cref="RecordMerge"/>).
/// </summary>
internal abstract class StagingTable(DbConnection connection, RecordFormat format)
{
    public const string Name = "reg_import_stage";

    protected DbConnection Connection => connection;

    protected RecordFormat Format => format;

    protected IEnumerable<string> StagedColumns => format.Columns.Select(c => c.Column).Append("content_hash");

    public static StagingTable For(DbConnection connection, RecordFormat format) => connection switch
    {
        NpgsqlConnection npgsql => new PostgresStaging(npgsql, format),
        SqliteConnection sqlite => new SqliteStaging(sqlite, format),
        _ => throw new NotSupportedException($"No registry import for {connection.GetType().Name}"),
    };

    /// <summary>Creates the (empty) staging table for the run; the connection stays open until the run ends.</summary>
    public async Task CreateAsync(CancellationToken cancellationToken)
    {
        await ExecuteAsync($"DROP TABLE IF EXISTS {Name}", null, cancellationToken);
        await ExecuteAsync($"CREATE TEMP TABLE {Name} AS SELECT {string.Join(", ", StagedColumns)} FROM {format.Table} WHERE 1 = 0", null, cancellationToken);
    }

    public Task DropAsync(CancellationToken cancellationToken) => ExecuteAsync($"DROP TABLE IF EXISTS {Name}", null, cancellationToken);

    /// <summary>Empties the table and loads <paramref name="rows"/> into it, inside <paramref name="transaction"/>.</summary>
    public abstract Task LoadAsync(IReadOnlyList<object?[]> rows, DbTransaction transaction, CancellationToken cancellationToken);

    protected async Task ExecuteAsync(string sql, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

/// <summary>SQLite: one prepared INSERT, reused for every row, in the chunk's transaction; a large page cache for the merge.</summary>
internal sealed class SqliteStaging(SqliteConnection connection, RecordFormat format) : StagingTable(connection, format)
{
    public async Task TuneAsync(CancellationToken cancellationToken)
    {
        await ExecuteAsync("PRAGMA cache_size = -262144", null, cancellationToken); // 256 MiB
        await ExecuteAsync("PRAGMA temp_store = MEMORY", null, cancellationToken);
    }

    public override async Task LoadAsync(IReadOnlyList<object?[]> rows, DbTransaction transaction, CancellationToken cancellationToken)
    {
        await ExecuteAsync($"DELETE FROM {Name}", transaction, cancellationToken);
        Insert(rows, (SqliteTransaction)transaction);
    }

    /// <summary>
    /// One prepared single-row INSERT, executed per row. (Multi-row VALUES is slower here: Microsoft.Data.Sqlite binds
    /// parameters by name, and SQLite looks each name up linearly.)
    /// </summary>
    private void Insert(IReadOnlyList<object?[]> rows, SqliteTransaction transaction)
    {
        var columns = StagedColumns.ToList();
        using var insert = ((SqliteConnection)Connection).CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = $"INSERT INTO {Name} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select((_, i) => "$p" + i.ToString(CultureInfo.InvariantCulture)))})";
        var parameters = columns.Select((_, i) => insert.Parameters.Add("$p" + i.ToString(CultureInfo.InvariantCulture),
            i == columns.Count - 1 || Format.Columns[i].Type == ColumnType.Integer ? SqliteType.Integer : SqliteType.Text)).ToArray();
        insert.Prepare();
        foreach (var row in rows)
        {
            for (var i = 0; i < row.Length; i++)
                parameters[i].Value = row[i] switch
                {
                    null => DBNull.Value,
                    DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), // as EF Core stores DateOnly on SQLite
                    var v => v,
                };
            insert.ExecuteNonQuery();
        }
    }
}

/// <summary>PostgreSQL: binary COPY into the TEMP table.</summary>
internal sealed class PostgresStaging(NpgsqlConnection connection, RecordFormat format) : StagingTable(connection, format)
{
    public override async Task LoadAsync(IReadOnlyList<object?[]> rows, DbTransaction transaction, CancellationToken cancellationToken)
    {
        await ExecuteAsync($"TRUNCATE {Name}", transaction, cancellationToken);
        var types = Format.Columns.Select(c => c.Type switch
        {
            ColumnType.Date => NpgsqlDbType.Date,
            ColumnType.Integer => NpgsqlDbType.Integer,
            _ => NpgsqlDbType.Text,
        }).Append(NpgsqlDbType.Bigint).ToArray();
        await using (var writer = await ((NpgsqlConnection)Connection).BeginBinaryImportAsync(
            $"COPY {Name} ({string.Join(", ", StagedColumns)}) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var row in rows)
            {
                await writer.StartRowAsync(cancellationToken);
                for (var i = 0; i < row.Length; i++)
                {
                    if (row[i] is { } value) await writer.WriteAsync(value, types[i], cancellationToken);
                    else await writer.WriteNullAsync(cancellationToken);
                }
            }
            await writer.CompleteAsync(cancellationToken);
        }
        await ExecuteAsync($"ANALYZE {Name}", transaction, cancellationToken);
    }
}
