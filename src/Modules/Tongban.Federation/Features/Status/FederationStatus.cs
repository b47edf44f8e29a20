using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tongban.Federation.Data;
using Tongban.Federation.Domain;

namespace Tongban.Federation.Features.Status;

/// <summary>A registered city as the province sees it.</summary>
internal sealed record CityStatus(string Name, string NameEn, DateTimeOffset? LastExchange, int Backlog, int Refused, int Held, DateTimeOffset? ReconciledAt, bool? Matched)
{
    /// <summary>When the city last asked for the provincial catalog's changes.</summary>
    public DateTimeOffset? LastCatalogPull { get; init; }
}

/// <summary>A refused entry of the provincial catalog, by item name, with the catalog's reasons.</summary>
internal sealed record RefusedEntry(string Name, string? ReasonZh, string? ReasonEn, DateTimeOffset At);

/// <summary>
/// This city's pulls of the provincial catalog: the last pull (and whether it failed, by its reason's code), how far the
/// city is synchronised (when the last change it received was made upstream), the last applied page's counts, and the
/// entries refused as they stand.
/// </summary>
internal sealed record CatalogStatus(DateTimeOffset? LastPull, string? Failure, DateTimeOffset? ChangedUpTo, CatalogPull? LastApplied, int Applied, IReadOnlyList<RefusedEntry> Refused);

/// <summary>This city's side: what waits, what fails, when the province last acknowledged, and the last reconciliation.</summary>
internal sealed record UpstreamStatus(bool Configured, int Backlog, int Failing, DateTimeOffset? LastSent, DateTimeOffset? ReconciledAt, bool? Matched, int Resent);

/// <summary>Reads the figures of the status page for either role; refusals count over the last seven days.</summary>
internal sealed class FederationStatus(FederationDbContext db, IOptions<FederationOptions> options, TimeProvider clock)
{
    public async Task<IReadOnlyList<CityStatus>> CitiesAsync(CancellationToken cancellationToken)
    {
        var since = clock.GetUtcNow().AddDays(-7);
        var rows = new List<CityStatus>();
        foreach (var city in options.Value.Cities)
        {
            var exchanges = db.Exchanges.AsNoTracking().Where(x => x.City == city.Code);
            var lastPush = await exchanges.Where(x => x.Type == ExchangeEntry.Push && x.Refusal == null).OrderByDescending(x => x.Id).FirstOrDefaultAsync(cancellationToken);
            var reconciled = await exchanges.Where(x => x.Type == ExchangeEntry.Reconciliation).OrderByDescending(x => x.Id).FirstOrDefaultAsync(cancellationToken);
            var refused = await exchanges.CountAsync(x => x.Refusal != null && x.At >= since, cancellationToken);
            var held = await db.Records.CountAsync(r => r.City == city.Code && r.HeldReason != null, cancellationToken);
            var catalog = await exchanges.Where(x => x.Type == ExchangeEntry.Catalog).OrderByDescending(x => x.Id).Select(x => (DateTimeOffset?)x.At).FirstOrDefaultAsync(cancellationToken);
            rows.Add(new CityStatus(city.Name, city.NameEn, lastPush?.At, lastPush?.Backlog ?? 0, refused, held, reconciled?.At, reconciled?.Matched) { LastCatalogPull = catalog });
        }
        return rows;
    }

    public async Task<UpstreamStatus> UpstreamAsync(CancellationToken cancellationToken)
    {
        var upstream = options.Value.Upstream;
        var pending = db.Outgoing.AsNoTracking().Where(r => !r.Sent);
        var lastSent = await db.Outgoing.AsNoTracking().Where(r => r.SentAt != null).OrderByDescending(r => r.SentAt).Select(r => r.SentAt).FirstOrDefaultAsync(cancellationToken);
        var reconciled = await db.Exchanges.AsNoTracking().Where(x => x.Type == ExchangeEntry.Reconciliation).OrderByDescending(x => x.Id).FirstOrDefaultAsync(cancellationToken);
        return new UpstreamStatus(upstream.Address is not null && upstream.CityCode is not null,
            await pending.CountAsync(cancellationToken), await pending.CountAsync(r => r.Attempts > 0, cancellationToken),
            lastSent, reconciled?.At, reconciled?.Matched, reconciled?.Resent ?? 0);
    }

    public async Task<CatalogStatus> CatalogAsync(CancellationToken cancellationToken)
    {
        var pulls = db.CatalogPulls.AsNoTracking();
        var last = await pulls.OrderByDescending(p => p.Id).FirstOrDefaultAsync(cancellationToken);
        var applied = await pulls.Where(p => p.Failure == null && (p.Added + p.Changed + p.Unchanged + p.Refused) > 0).OrderByDescending(p => p.Id).FirstOrDefaultAsync(cancellationToken);
        var entries = db.CatalogEntries.AsNoTracking();
        var refused = await entries.Where(e => e.Outcome == CatalogEntryState.Refused).OrderBy(e => e.Name)
            .Select(e => new RefusedEntry(e.Name, e.ReasonZh, e.ReasonEn, e.At)).Take(200).ToListAsync(cancellationToken);
        return new CatalogStatus(last?.At, last?.Failure, last?.ChangedUpTo, applied, await entries.CountAsync(e => e.Outcome != CatalogEntryState.Refused, cancellationToken), refused);
    }
}
