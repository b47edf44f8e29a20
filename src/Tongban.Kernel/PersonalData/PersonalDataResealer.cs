using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Tongban.Kernel.Data;

namespace Tongban.Kernel.PersonalData;

/// <summary>
/// Seals, under the current key, every personal-data value that is not yet: the clear values of rows written before
/// their column was sealed (run once after the migration that seals it) and the values of older keys after a rotation.
/// Plain SQL in batches, each its own transaction, so a large table is neither loaded whole nor locked long, and an
/// interrupted run simply continues where it stopped when started again. The blind index is written with the value.
/// </summary>
public static class PersonalDataResealer
{
    public static async Task<int> ResealAsync(DbContext db, int batchSize, CancellationToken cancellationToken)
    {
        var protector = PersonalDataModel.ProtectorOf(db);
        var total = 0;
        foreach (var entity in db.Model.GetEntityTypes().Where(e => e.GetTableName() is not null && e.GetDeclaredProperties().Any(PersonalDataModel.IsPersonalData)))
        {
            var table = StoreTable.Of(entity);
            var key = entity.FindPrimaryKey()!.Properties.Single();
            foreach (var property in entity.GetDeclaredProperties().Where(PersonalDataModel.IsPersonalData))
            {
                var column = new Column(table.Name, table.Column(key), table.Column(property), table.Column(property.Name + PersonalDataModel.IndexSuffix));
                int done;
                do
                {
                    done = await ResealBatchAsync(db, protector, column, batchSize, cancellationToken);
                    total += done;
                }
                while (done == batchSize);
            }
        }
        return total;
    }

    private sealed record Column(string Table, string Key, string Value, string Index);

    private static async Task<int> ResealBatchAsync(DbContext db, PersonalDataProtector protector, Column c, int batchSize, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var transaction = await db.Database.GetDbConnection().BeginTransactionAsync(ct);
            var rows = await ReadAsync(transaction, protector, c, batchSize, ct);
            foreach (var (key, value) in rows)
            {
                await using var update = Command(transaction, $"UPDATE {c.Table} SET {c.Value} = @value, {c.Index} = @index WHERE {c.Key} = @key");
                update.AddParameter("@value", protector.Seal(value));
                update.AddParameter("@index", protector.Index(value));
                update.AddParameter("@key", key);
                await update.ExecuteNonQueryAsync(ct);
            }
            await transaction.CommitAsync(ct);
            return rows.Count;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task<List<(object Key, string Value)>> ReadAsync(DbTransaction transaction, PersonalDataProtector protector, Column c, int batchSize, CancellationToken ct)
    {
        await using var select = Command(transaction,
            $"SELECT {c.Key}, {c.Value} FROM {c.Table} WHERE {c.Value} IS NOT NULL AND {c.Value} NOT LIKE @sealed ORDER BY {c.Key} LIMIT {batchSize}");
        select.AddParameter("@sealed", protector.CurrentPrefix + "%");
        var rows = new List<(object, string)>();
        await using var reader = await select.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) rows.Add((reader.GetValue(0), protector.Open(reader.GetString(1))));
        return rows;
    }

    private static DbCommand Command(DbTransaction transaction, string sql)
    {
        var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }
}
