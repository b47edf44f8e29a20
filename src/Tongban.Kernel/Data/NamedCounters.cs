using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Tongban.Kernel.Data;

/// <summary>
/// Named counters in a module's table of (name, last): one upsert on both providers advances a counter and reads its
/// new value back, so two callers at once get different numbers (the database serialises the row).
/// </summary>
public static class NamedCounters
{
    /// <summary>Reserves <paramref name="count"/> numbers of <paramref name="name"/> in <paramref name="table"/> (the module's own constant): the last of them.</summary>
    public static async Task<long> AdvanceAsync(this DatabaseFacade database, string table, string name, long count, CancellationToken ct)
    {
        // The table is a module's constant, never input; checked to be a plain identifier all the same.
        if (table.Length == 0 || !table.All(c => c is '_' or (>= 'a' and <= 'z')))
            throw new ArgumentException($"Not a counter table: {table}", nameof(table));
        var sql = $$"""
            INSERT INTO {{table}} (name, last) VALUES ({0}, {1})
            ON CONFLICT (name) DO UPDATE SET last = {{table}}.last + {1}
            RETURNING last AS "Value"
            """;
        var last = await database.SqlQueryRaw<long>(sql, name, count).ToListAsync(ct);
        return last.Single();
    }
}
