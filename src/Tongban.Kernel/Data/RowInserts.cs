using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Tongban.Kernel.Data;

/// <summary>
/// Appends rows of one entity type with multi-row <c>INSERT</c> statements built from the model — its table, columns,
/// value converters and parameter types, so a row reads back through EF Core exactly as if <c>SaveChanges</c> had written
/// it — without change tracking. For append-only logs written in batches at thousands a second (a group commit), where
/// tracking and SQL generation per batch cost more than the rows themselves; everything else saves through EF Core.
/// Every column's value comes from the entity (no database-generated values), and the rows commit together: in the
/// context's transaction when there is one, else in a transaction of their own.
/// </summary>
public static class RowInserts
{
    /// <summary>Rows per statement: 50 × a log's 8–10 columns stays far below SQLite's and PostgreSQL's parameter limits.</summary>
    private const int RowsPerStatement = 50;

    public static async Task InsertRowsAsync<T>(this DbContext db, IReadOnlyList<T> rows, CancellationToken cancellationToken = default) where T : class
    {
        if (rows.Count == 0) return;
        var (head, columns) = Statement<T>(db);
        var sql = db.GetService<ISqlGenerationHelper>();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
            var connection = db.Database.GetDbConnection();
            for (var start = 0; start < rows.Count; start += RowsPerStatement)
            {
                await using var command = connection.CreateCommand();
                command.Transaction = db.Database.CurrentTransaction!.GetDbTransaction();
                var text = new StringBuilder(head);
                var count = Math.Min(RowsPerStatement, rows.Count - start);
                for (var r = 0; r < count; r++)
                {
                    text.Append(r == 0 ? "(" : ", (");
                    for (var c = 0; c < columns.Length; c++)
                    {
                        var (property, mapping) = columns[c];
                        var name = $"p{r * columns.Length + c}";
                        command.Parameters.Add(mapping.CreateParameter(command, sql.GenerateParameterName(name), property.GetGetter().GetClrValue(rows[start + r]), property.IsNullable));
                        text.Append(c == 0 ? "" : ", ").Append(sql.GenerateParameterNamePlaceholder(name));
                    }
                    text.Append(')');
                }
                command.CommandText = text.ToString();
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
            if (own is not null) await own.CommitAsync(cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static (string Head, (IProperty Property, RelationalTypeMapping Mapping)[] Columns) Statement<T>(DbContext db)
    {
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not an entity of {db.GetType().Name}.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var properties = entity.GetProperties().ToArray();
        if (properties.FirstOrDefault(p => p.IsShadowProperty()) is { } shadow)
            throw new NotSupportedException($"{typeof(T).Name}.{shadow.Name} is a shadow property: its value is not on the entity.");
        var sql = db.GetService<ISqlGenerationHelper>();
        var head = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", properties.Select(p => sql.DelimitIdentifier(p.GetColumnName(table)!)))}) VALUES ";
        return (head, properties.Select(p => (p, (RelationalTypeMapping)p.GetRelationalTypeMapping())).ToArray());
    }
}
