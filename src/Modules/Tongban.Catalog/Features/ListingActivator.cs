using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Tongban.Catalog.Data;
using Tongban.Catalog.Domain;
using Tongban.Kernel.Audit;
using Tongban.Kernel.Hosting;
using Tongban.Kernel.Outbox;
using Tongban.Kernel.Security;
using Tongban.Kernel.Time;

namespace Tongban.Catalog.Features;

/// <summary>
/// Publishes versions whose effective date has come: approved ahead of time, they replace the live version on
/// that day. Runs at start and then every <see cref="Every"/> on every instance (the refresh is idempotent).
/// </summary>
internal sealed class ListingActivator(IServiceScopeFactory scopes, TimeProvider time, ILogger<ListingActivator> logger) : PeriodicWorker(time, logger)
{
    public static readonly TimeSpan Every = TimeSpan.FromMinutes(10);

    public async Task<int> ActivateDueAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CatalogDbContext>();
        var today = scope.ServiceProvider.GetRequiredService<RegionClock>().Today;
        var due = await (from v in db.Versions
                         where v.State == VersionState.Approved && v.EffectiveFrom <= today
                         join l in db.Listings on v.ItemId equals l.ItemId into listings
                         from l in listings.DefaultIfEmpty()
                         where l == null || v.Number > l.VersionNumber
                         select v.ItemId).Distinct().ToListAsync(ct);
        if (due.Count == 0) return 0;
        var items = await db.Items.Include(i => i.Versions).Where(i => due.Contains(i.Id)).ToListAsync(ct);
        await scope.ServiceProvider.GetRequiredService<ListingProjector>().RefreshAsync(items, ct);
        db.Audit(new AuditRecord(Actor.System, "catalog.versions_activated", "catalog",
            string.Join(", ", items.Select(i => i.ImplementationCode).Take(50)), Clock.GetUtcNow()));
        await db.SaveChangesAsync(ct);
        await scope.ServiceProvider.GetRequiredService<CatalogChanges>().CommittedAsync(ct);
        return items.Count;
    }

    protected override TimeSpan Interval => Every;

    protected override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        var count = await ActivateDueAsync(cancellationToken);
        if (count > 0) Logger.LogInformation("Published {Count} item version(s) that took effect today", count);
    }
}
