using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;

namespace Tongban.Registries.Features.ImportRecords;

/// <summary>
/// The two provider-specific steps of an import, around the merge SQL that is the same on both (<see cref="RecordMerge"/>):
/// loading the keys and content hashes of a chunk's changed lines into the staging table (<c>reg_import_stage</c>, a TEMP table of the
/// import's connection), and bulk-inserting the chunk's new versions into the registry's table.
/// </summary>
internal abstract class StagingTable(DbConnection connection, RecordFormat format)
{
    public const string Name = "reg_import_stage";

    protected DbConnection Connection => connection;

    protected RecordFormat Format => format;

    /// <summary>The registry's columns a new version is inserted with, in order: the record's fields, the blind indexes, valid_from, content_hash.</summary>
    protected IEnumerable<string> InsertedColumns =>
        format.Columns.Select(c => c.Column).Concat(format.Sealed.IndexColumns).Append("valid_from").Append("content_hash");

    public static StagingTable For(DbConnection connection, RecordFormat format) => connection switch
    {
        NpgsqlConnection npgsql => new PostgresStaging(npgsql, format),
        SqliteConnection sqlite => new SqliteStaging(sqlite, format),
        _ => throw new NotSupportedException($"No registry import for {connection.GetType().Name}"),
    };

    /// <summary>Creates the (empty) staging table for the run, typed like the registry's key and hash; the connection stays open until the run ends.</summary>
    public virtual async Task CreateAsync(CancellationToken cancellationToken)
    {
        await ExecuteAsync($"DROP TABLE IF EXISTS {Name}", null, cancellationToken);
        await ExecuteAsync($"CREATE TEMP TABLE {Name} AS SELECT {format.MatchColumn}, content_hash FROM {format.Table} WHERE 1 = 0", null, cancellationToken);
    }

    public Task DropAsync(CancellationToken cancellationToken) => ExecuteAsync($"DROP TABLE IF EXISTS {Name}", null, cancellationToken);

    /// <summary>Empties the staging table and loads the key and content hash of each of <paramref name="rows"/> (the changed lines of a chunk).</summary>
    public abstract Task StageAsync(IReadOnlyList<object?[]> rows, DbTransaction transaction, CancellationToken cancellationToken);

    /// <summary>Inserts <paramref name="rows"/> into the registry's table as current versions valid from <paramref name="validFrom"/> (as the provider stores it).</summary>
    public abstract Task InsertAsync(IEnumerable<object?[]> rows, object validFrom, DbTransaction transaction, CancellationToken cancellationToken);

    protected async Task ExecuteAsync(string sql, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

/// <summary>SQLite: prepared INSERTs, each reused for every row, in the chunk's transaction; a large page cache.</summary>
internal sealed class SqliteStaging(SqliteConnection connection, RecordFormat format) : StagingTable(connection, format)
{
    public async Task TuneAsync(CancellationToken cancellationToken)
    {
        await ExecuteAsync("PRAGMA cache_size = -262144", null, cancellationToken); // 256 MiB
        await ExecuteAsync("PRAGMA temp_store = MEMORY", null, cancellationToken);
    }

    public override async Task StageAsync(IReadOnlyList<object?[]> rows, DbTransaction transaction, CancellationToken cancellationToken)
    {
        await ExecuteAsync($"DELETE FROM {Name}", transaction, cancellationToken);
        using var insert = Prepare($"INSERT INTO {Name} ({Format.MatchColumn}, content_hash) VALUES ($key, $hash)", (SqliteTransaction)transaction,
            ("$key", SqliteType.Text), ("$hash", SqliteType.Integer));
        var (key, hash) = (insert.Parameters[0], insert.Parameters[1]);
        foreach (var row in rows)
        {
            (key.Value, hash.Value) = (Format.MatchKey(row), row[^1]);
            insert.ExecuteNonQuery();
        }
    }

    public override Task InsertAsync(IEnumerable<object?[]> rows, object validFrom, DbTransaction transaction, CancellationToken cancellationToken)
    {
        var columns = InsertedColumns.ToList();
        using var insert = Prepare($"INSERT INTO {Format.Table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select((_, i) => Parameter(i)))})",
            (SqliteTransaction)transaction,
            [.. columns.Select((_, i) => (Parameter(i), ParameterType(i)))]);
        var parameters = insert.Parameters.Cast<SqliteParameter>().ToArray();
        parameters[^2].Value = validFrom;
        foreach (var row in rows)
        {
            for (var i = 0; i < row.Length - 1; i++)
                parameters[i].Value = row[i] switch
                {
                    null => DBNull.Value,
                    DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), // as EF Core stores DateOnly on SQLite
                    var v => v,
                };
            parameters[^1].Value = row[^1];
            insert.ExecuteNonQuery();
        }
        return Task.CompletedTask;
    }

    private SqliteCommand Prepare(string sql, SqliteTransaction transaction, params (string Name, SqliteType Type)[] parameters)
    {
        var command = ((SqliteConnection)Connection).CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, type) in parameters) command.Parameters.Add(name, type);
        command.Prepare();
        return command;
    }

    private static string Parameter(int i) => "$p" + i.ToString(CultureInfo.InvariantCulture);

    /// <summary>The record's columns as typed, the blind indexes text, valid_from and content_hash integers.</summary>
    private SqliteType ParameterType(int i) =>
        i < Format.Columns.Count ? (Format.Columns[i].Type == ColumnType.Integer ? SqliteType.Integer : SqliteType.Text)
        : i < Format.Columns.Count + Format.Sealed.Count ? SqliteType.Text : SqliteType.Integer;
}

/// <summary>PostgreSQL: binary COPY, into the TEMP staging table and into the registry's table.</summary>
internal sealed class PostgresStaging(NpgsqlConnection connection, RecordFormat format) : StagingTable(connection, format)
{
    /// <summary>
    /// Statistics of the registry's table first: without them the planner takes <c>valid_to IS NULL</c> for rare and
    /// the table for tiny, and loops over the whole chunk for each of its rows. With them (and the settings of
    /// <see cref="StageAsync"/>) every staged key is one index probe, however much the table grows during the run.
    /// </summary>
    public override async Task CreateAsync(CancellationToken cancellationToken)
    {
        await ExecuteAsync($"ANALYZE {Format.Table}", null, cancellationToken);
        await base.CreateAsync(cancellationToken);
    }

    public override async Task StageAsync(IReadOnlyList<object?[]> rows, DbTransaction transaction, CancellationToken cancellationToken)
    {
        await ExecuteAsync($"TRUNCATE {Name}", transaction, cancellationToken);
        // The registry's table grows during the import, faster than its statistics, and the planner would join each
        // chunk against a full scan of it. Each staged key is one probe of the (key, valid_from) index instead,
        // whatever the statistics say; and no JIT for these plans.
        await ExecuteAsync("SET LOCAL enable_hashjoin = off; SET LOCAL enable_mergejoin = off; SET LOCAL enable_seqscan = off; SET LOCAL jit = off",
            transaction, cancellationToken);
        Copy($"COPY {Name} ({Format.MatchColumn}, content_hash) FROM STDIN (FORMAT BINARY)", rows, (writer, row) =>
        {
            writer.Write(Format.MatchKey(row), NpgsqlDbType.Text);
            writer.Write((long)row[^1]!, NpgsqlDbType.Bigint);
        });
    }

    public override Task InsertAsync(IEnumerable<object?[]> rows, object validFrom, DbTransaction transaction, CancellationToken cancellationToken)
    {
        var instant = (DateTimeOffset)validFrom;
        Copy($"COPY {Format.Table} ({string.Join(", ", InsertedColumns)}) FROM STDIN (FORMAT BINARY)", rows, (writer, row) =>
        {
            for (var i = 0; i < row.Length - 1; i++) // the record's values and the blind indexes
            {
                // Typed writes: Write(object) would look up the value's converter for every value.
                switch (row[i])
                {
                    case null: writer.WriteNull(); break;
                    case string text: writer.Write(text, NpgsqlDbType.Text); break;
                    case DateOnly date: writer.Write(date, NpgsqlDbType.Date); break;
                    case int number: writer.Write(number, NpgsqlDbType.Integer); break;
                    case var other: throw new InvalidOperationException($"Unexpected {other.GetType().Name} in column {i} of {Format.Table}");
                }
            }
            writer.Write(instant, NpgsqlDbType.TimestampTz);
            writer.Write((long)row[^1]!, NpgsqlDbType.Bigint);
        });
        return Task.CompletedTask;
    }

    /// <summary>
    /// One binary COPY, written synchronously: millions of values, each buffered, are cheaper without an awaited call
    /// apiece (the writer blocks only when its buffer goes out).
    /// </summary>
    private void Copy(string command, IEnumerable<object?[]> rows, Action<NpgsqlBinaryImporter, object?[]> write)
    {
        using var writer = ((NpgsqlConnection)Connection).BeginBinaryImport(command);
        foreach (var row in rows)
        {
            writer.StartRow();
            write(writer, row);
        }
        writer.Complete();
    }
}
