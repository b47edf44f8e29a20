using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Tongban.Kernel.PersonalData;

/// <summary>Before a save, sets the blind index of every personal-data value added or changed, so the index never lags the value.</summary>
internal sealed class PersonalDataIndexer : SaveChangesInterceptor
{
    public static readonly PersonalDataIndexer Instance = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Index(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Index(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void Index(DbContext? context)
    {
        if (context is null) return;
        context.ChangeTracker.DetectChanges();
        PersonalDataProtector? protector = null;
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified)) continue;
            foreach (var property in entry.Properties)
            {
                if (!PersonalDataModel.IsPersonalData(property.Metadata) || (entry.State == EntityState.Modified && !property.IsModified)) continue;
                protector ??= PersonalDataModel.ProtectorOf(context);
                Set(entry, property, protector);
            }
        }
    }

    private static void Set(EntityEntry entry, PropertyEntry property, PersonalDataProtector protector) =>
        entry.Property(property.Metadata.Name + PersonalDataModel.IndexSuffix).CurrentValue =
            property.CurrentValue is string value ? protector.Index(value) : null;
}
