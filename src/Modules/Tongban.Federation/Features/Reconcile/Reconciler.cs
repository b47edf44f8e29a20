using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tongban.Federation.Contracts;
using Tongban.Federation.Data;
using Tongban.Federation.Domain;
using Tongban.Federation.Features.PushUp;
using Tongban.Federation.Kinds;
using Tongban.Kernel.Errors;
using Tongban.Kernel.Time;

namespace Tongban.Federation.Features.Reconcile;

/// <summary>
/// The city's reconciliation with the province (ADR 0017): per kind and day both sides' count and hash of key:version.
/// On a mismatch the key range is halved (at the city's median key) until a range holds few enough records to list,
/// and the records the province lacks or holds in an older version are made due again. They are pushed at once and the
/// whole day is compared a last time; that verdict is what both sides record.
/// </summary>
internal sealed class Reconciler(FederationDbContext db, SignedRequests requests, Pusher pusher, IEnumerable<UpwardKind> kinds, RegionClock regionClock, TimeProvider clock,
    IOptions<FederationOptions> options)
    : IFederationReconciliation
{
    public const int ListAt = 256;

    /// <summary>Reconciles <paramref name="day"/>, or yesterday and today when null, for every kind.</summary>
    public async Task<IReadOnlyList<ReconciledDay>> ReconcileAsync(DateOnly? day, CancellationToken cancellationToken)
    {
        if (day is { } asked) CheckKept(asked);
        var days = day is { } d ? [d] : new[] { regionClock.Today.AddDays(-1), regionClock.Today };
        var results = new List<ReconciledDay>();
        foreach (var kind in kinds)
            foreach (var on in days) results.Add(await ReconcileAsync(kind.Code, on, cancellationToken));
        return results;
    }

    /// <summary>A day whose acknowledged rows may have been deleted (<see cref="Pruner"/>) cannot be compared: refused, naming the first day kept.</summary>
    public void CheckKept(DateOnly day)
    {
        if (Pruner.FirstKept(options.Value, regionClock) is { } first && day < first)
            throw new DomainException(new DomainError("federation.day_pruned",
                $"{day:yyyy-MM-dd} 已超出保留期，无法对账；最早可对账的日期为 {first:yyyy-MM-dd}",
                $"{day:yyyy-MM-dd} is past the days kept and cannot be reconciled; the earliest day that can is {first:yyyy-MM-dd}",
                ErrorKind.BadRequest, "day"));
    }

    private async Task<ReconciledDay> ReconcileAsync(string kind, DateOnly day, CancellationToken cancellationToken)
    {
        var mine = await MineAsync(kind, day, cancellationToken);
        var missing = new List<string>();
        await NarrowAsync(kind, day, mine, null, null, missing, cancellationToken);
        if (missing.Count > 0)
        {
            var now = clock.GetUtcNow();
            foreach (var row in await db.Outgoing.Where(r => r.Kind == kind && missing.Contains(r.Key)).ToListAsync(cancellationToken)) row.MakeDue(now);
            await db.SaveChangesAsync(cancellationToken);
            await pusher.PushDueAsync(cancellationToken);
            mine = await MineAsync(kind, day, cancellationToken);
        }
        var verdict = await AskAsync(kind, day, mine, null, null, list: false, cancellationToken);
        var matched = verdict.Count == mine.Count && verdict.Hash == Digest.Of(mine.Select(r => (r.Key, r.Version))).Hash;
        db.Exchanges.Add(ExchangeEntry.Reconciled(requests.City, mine.Count, matched, missing.Count, clock.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
        FederationMetrics.Reconciliations.Add(1, new KeyValuePair<string, object?>("matched", matched));
        FederationMetrics.Resent.Add(missing.Count);
        return new ReconciledDay(kind, day, mine.Count, missing.Count, matched);
    }

    private async Task NarrowAsync(string kind, DateOnly day, List<KeyVersion> mine, string? from, string? to, List<string> missing, CancellationToken cancellationToken)
    {
        var inRange = mine.Where(r => KeyRange.Contains(from, to, r.Key)).ToList();
        var theirs = await AskAsync(kind, day, inRange, from, to, list: inRange.Count <= ListAt, cancellationToken);
        if (theirs.Count == inRange.Count && theirs.Hash == Digest.Of(inRange.Select(r => (r.Key, r.Version))).Hash) return;
        if (theirs.Records is { } listed)
        {
            var held = listed.ToDictionary(r => r.Key, r => r.Version, StringComparer.Ordinal);
            missing.AddRange(inRange.Where(r => !held.TryGetValue(r.Key, out var v) || v < r.Version).Select(r => r.Key));
            return;
        }
        if (inRange.Count <= 1) return; // the province holds records the city does not: nothing to send, the verdict says so
        var middle = inRange[inRange.Count / 2].Key;
        await NarrowAsync(kind, day, inRange, from, middle, missing, cancellationToken);
        await NarrowAsync(kind, day, inRange, middle, to, missing, cancellationToken);
    }

    private Task<DigestAnswer> AskAsync(string kind, DateOnly day, List<KeyVersion> inRange, string? from, string? to, bool list, CancellationToken cancellationToken)
    {
        var digest = Digest.Of(inRange.Select(r => (r.Key, r.Version)));
        return requests.PostAsync<DigestAnswer>(Wire.DigestPath, new DigestQuestion(requests.City, kind, day, from, to, digest.Count, digest.Hash, list), null, cancellationToken);
    }

    private async Task<List<KeyVersion>> MineAsync(string kind, DateOnly day, CancellationToken cancellationToken) =>
        [.. (await db.Outgoing.AsNoTracking().Where(r => r.Kind == kind && r.Day == day).Select(r => new KeyVersion(r.Key, r.Version)).ToListAsync(cancellationToken))
            .OrderBy(r => r.Key, StringComparer.Ordinal)];
}
