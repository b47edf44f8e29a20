using System.Data.Common;

namespace Tongban.Registries.Features.ImportRecords;

/// <summary>
/// Merges the staged chunk into the registry's table, set-based, with the same SQL on both providers:
/// a staged key whose current version has another content hash closes that version at the import instant;
/// then every staged key without a current version (new, or just closed) gets a version valid from that instant.
/// Keys whose current version has the same hash are left alone.
/// </summary>
internal static class RecordMerge
{
    public static async Task<(long Changed, long Inserted)> MergeAsync(DbConnection connection, DbTransaction transaction, RecordFormat format, object instant,
        CancellationToken cancellationToken)
    {
        var (table, key, stage) = (format.Table, format.KeyColumn, StagingTable.Name);
        var columns = string.Join(", ", format.Columns.Select(c => c.Column));
        var changed = await ExecuteAsync(connection, transaction, instant, $"""
            UPDATE {table} SET valid_to = @instant
            WHERE valid_to IS NULL AND {key} IN (
                SELECT s.{key} FROM {stage} s JOIN {table} t ON t.{key} = s.{key} AND t.valid_to IS NULL AND t.content_hash <> s.content_hash)
            """, cancellationToken);
        var inserted = await ExecuteAsync(connection, transaction, instant, $"""
            INSERT INTO {table} ({columns}, valid_from, valid_to, content_hash)
            SELECT {string.Join(", ", format.Columns.Select(c => "s." + c.Column))}, @instant, NULL, s.content_hash FROM {stage} s
            WHERE NOT EXISTS (SELECT 1 FROM {table} t WHERE t.{key} = s.{key} AND t.valid_to IS NULL)
            """, cancellationToken);
        return (changed, inserted);
    }

    private static async Task<long> ExecuteAsync(DbConnection connection, DbTransaction transaction, object instant, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.CommandTimeout = 600;
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@instant";
        parameter.Value = instant;
        command.Parameters.Add(parameter);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
