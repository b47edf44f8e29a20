using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tongban.Federation.Data;
using Tongban.Federation.Domain;

namespace Tongban.Federation.Features.Status;

/// <summary>A registered city as the province sees it.</summary>
internal sealed record CityStatus(string Name, string NameEn, DateTimeOffset? LastExchange, int Backlog, int Refused, int Held, DateTimeOffset? ReconciledAt, bool? Matched);

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
            var refused = (await exchanges.Where(x => x.Refusal != null).Select(x => x.At).ToListAsync(cancellationToken)).Count(at => at >= since);
            var held = await db.Records.CountAsync(r => r.City == city.Code && r.HeldReason != null, cancellationToken);
            rows.Add(new CityStatus(city.Name, city.NameEn, lastPush?.At, lastPush?.Backlog ?? 0, refused, held, reconciled?.At, reconciled?.Matched));
        }
        return rows;
    }

    public async Task<UpstreamStatus> UpstreamAsync(CancellationToken cancellationToken)
    {
        var upstream = options.Value.Upstream;
        var pending = db.Outgoing.AsNoTracking().Where(r => !r.Sent);
        var sent = await db.Outgoing.AsNoTracking().Where(r => r.Sent).Select(r => r.SentAt).ToListAsync(cancellationToken);
        var reconciled = await db.Exchanges.AsNoTracking().Where(x => x.Type == ExchangeEntry.Reconciliation).OrderByDescending(x => x.Id).FirstOrDefaultAsync(cancellationToken);
        return new UpstreamStatus(upstream.Address is not null && upstream.CityCode is not null,
            await pending.CountAsync(cancellationToken), await pending.CountAsync(r => r.Attempts > 0, cancellationToken),
            sent.Max(), reconciled?.At, reconciled?.Matched, reconciled?.Resent ?? 0);
    }
}
