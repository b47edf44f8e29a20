using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Tongban.Kernel.Data;

public static class ModelBuilderExtensions
{
    /// <summary>
    /// Prefixes every table of a module (SQLite has no schemas): Hall → org_halls.
    /// Owned types stored as JSON stay inside their owner's table.
    /// </summary>
    public static void PrefixTables(this ModelBuilder builder, string prefix)
    {
        foreach (var entity in builder.Model.GetEntityTypes())
        {
            if (entity.IsOwned() || entity.GetTableName() is not { } table) continue;
            if (!table.StartsWith(prefix + "_", StringComparison.Ordinal))
                entity.SetTableName($"{prefix}_{table}");
        }
    }

    /// <summary>SQLite compares and orders DateTimeOffset poorly; store UTC instants as ticks there.</summary>
    public static void UseUtcTicksOnSqlite(this ModelConfigurationBuilder builder, DatabaseFacade database)
    {
        if (database.IsSqlite())
            builder.Properties<DateTimeOffset>().HaveConversion<Microsoft.EntityFrameworkCore.Storage.ValueConversion.DateTimeOffsetToBinaryConverter>();
    }
}
