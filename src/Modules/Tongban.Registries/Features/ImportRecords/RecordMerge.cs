using System.Data.Common;

namespace Tongban.Registries.Features.ImportRecords;

/// <summary>
/// Merges a chunk, set-based, with the same SQL on both providers: its keys and content hashes are staged; one join
/// finds the current version of each staged key; one UPDATE closes, at the import instant, every current version whose
/// content hash differs; then the provider's bulk loader inserts a new version for every key that had no current
/// version or a changed one. Keys whose current version has the same hash are left alone.
/// </summary>
internal static class RecordMerge
{
    public sealed record Outcome(long Added, long Changed, long Unchanged);

    public static async Task<Outcome> MergeAsync(StagingTable staging, DbConnection connection, DbTransaction transaction, RecordFormat format,
        IReadOnlyList<object?[]> rows, object instant, CancellationToken cancellationToken)
    {
        await staging.StageAsync(rows, transaction, cancellationToken);
        var (table, key, stage) = (format.Table, format.KeyColumn, StagingTable.Name);

        var current = new Dictionary<string, long>(StringComparer.Ordinal);
        await using (var find = Command(connection, transaction, $"""
            SELECT t.{key}, t.content_hash FROM {stage} s JOIN {table} t ON t.{key} = s.{key} AND t.valid_to IS NULL
            """))
        await using (var reader = await find.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken)) current[reader.GetString(0)] = reader.GetInt64(1);
        }

        var changed = rows.Count(r => current.TryGetValue((string)r[0]!, out var hash) && hash != (long)r[^1]!);
        if (changed > 0)
        {
            await using var close = Command(connection, transaction, $"""
                UPDATE {table} SET valid_to = @instant
                FROM {stage} s
                WHERE {table}.{key} = s.{key} AND {table}.valid_to IS NULL AND {table}.content_hash <> s.content_hash
                """);
            var parameter = close.CreateParameter();
            parameter.ParameterName = "@instant";
            parameter.Value = instant;
            close.Parameters.Add(parameter);
            var closed = await close.ExecuteNonQueryAsync(cancellationToken);
            if (closed != changed) throw new InvalidOperationException($"Closed {closed} versions where {changed} changed; was the registry written during the import?");
        }

        var versions = rows.Where(r => !current.TryGetValue((string)r[0]!, out var hash) || hash != (long)r[^1]!).ToList();
        await staging.InsertAsync(versions, instant, transaction, cancellationToken);
        return new Outcome(versions.Count - changed, changed, rows.Count - versions.Count);
    }

    private static DbCommand Command(DbConnection connection, DbTransaction transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.CommandTimeout = 600;
        return command;
    }
}
