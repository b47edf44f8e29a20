using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Tongban.Statistics.Contracts;
using Tongban.Statistics.Data;
using Tongban.Statistics.Domain;
using Tongban.Statistics.Features.KeepFacts;

namespace Tongban.Statistics.Features.Rebuild;

/// <summary>
/// Recomputes the daily roll-ups from the facts (the cases, and the ratings taken on site): the facts' contributions (<see cref="Contributions"/>, as the live
/// handlers add them) summed in memory, then written a day at a time (each day's old rows deleted first), then each
/// month touched summed again from its days (<see cref="MonthlyFigures"/>), all in one
/// transaction holding the <see cref="RollupLock"/> alone: a reader sees the figures before or after, never half, and live
/// events wait for it instead of being overwritten by a sum read before them.
/// </summary>
internal sealed class RebuildRollups(StatisticsDbContext db, RollupWriter writer, RefillFacts refill) : IStatisticsRebuild
{
    public async Task<RebuildSummary?> RefillFactsAsync(bool onlyWhenMissing, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        if (onlyWhenMissing && !await refill.MissingAsync(cancellationToken)) return null;
        await using var transaction = await RollupLock.ExclusiveAsync(db, cancellationToken);
        var (_, factsElapsed) = await refill.RunAsync(progress, cancellationToken);
        var summary = await RewriteAsync(null, null, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return summary with { FactsElapsed = factsElapsed, Elapsed = summary.Elapsed + factsElapsed };
    }

    public async Task<RebuildSummary> RebuildAsync(DateOnly? from, IProgress<DateOnly>? progress, CancellationToken cancellationToken)
    {
        await using var transaction = await RollupLock.ExclusiveAsync(db, cancellationToken);
        var summary = await RewriteAsync(from, progress, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return summary;
    }

    private async Task<RebuildSummary> RewriteAsync(DateOnly? from, IProgress<DateOnly>? progress, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var first = from ?? DateOnly.MinValue;
        var (rollup, facts) = await SumAsync(first, cancellationToken);
        var oldDays = await db.Daily.Where(d => d.Day >= first).Select(d => d.Day).Distinct().ToListAsync(cancellationToken);
        var days = rollup.Days.Union(oldDays).Order().ToList();
        foreach (var day in days)
        {
            await RewriteDayAsync(day, rollup.Only(day), cancellationToken);
            progress?.Report(day);
        }
        foreach (var month in days.Select(d => new DateOnly(d.Year, d.Month, 1)).Distinct()) await RewriteMonthAsync(month, cancellationToken);
        return new RebuildSummary(days.Count > 0 ? days[0] : first, days.Count, facts, watch.Elapsed);
    }

    private async Task<(Rollup, int)> SumAsync(DateOnly first, CancellationToken ct)
    {
        var rollup = new Rollup();
        var cases = await AddAsync(rollup, first, db.Cases.Where(c => c.ReceivedOn >= first || c.AcceptedOn >= first || c.RefusedOn >= first
            || c.ConcludedOn >= first || c.RatedOn >= first || c.WithdrawnOn >= first || c.RectifiedOn >= first || c.AppealedOn >= first), ct);
        var onSite = await AddAsync(rollup, first, db.OnSiteRatings.Where(r => r.RatedOn >= first || r.RectifiedOn >= first || r.AppealedOn >= first), ct);
        return (rollup, cases + onSite);
    }

    /// <summary>Adds each fact's contributions from <paramref name="first"/> on; how many facts.</summary>
    private static async Task<int> AddAsync<TFact>(Rollup rollup, DateOnly first, IQueryable<TFact> facts, CancellationToken ct) where TFact : Fact
    {
        var count = 0;
        await foreach (var fact in facts.AsNoTracking().AsAsyncEnumerable().WithCancellation(ct))
        {
            rollup.Add(fact, from: first);
            count++;
        }
        return count;
    }

    /// <summary>A month's rows made again as the sums of its daily rows (the whole month, also where the rebuild began in it).</summary>
    private async Task RewriteMonthAsync(DateOnly first, CancellationToken ct)
    {
        var month = RollupRow.MonthOf(first);
        await db.Monthly.Where(m => m.Month == month).ExecuteDeleteAsync(ct);
        var days = db.Daily.AsNoTracking().Where(d => d.Month == month);
        var names = await days.ItemNamesAsync(ct);
        foreach (var bucket in await days.SumBy(d => new { d.DepartmentCode, d.DivisionCode, d.ItemCode, d.Channel }).ToListAsync(ct))
        {
            var (department, division, item, channel) = (bucket.Key.DepartmentCode, bucket.Key.DivisionCode, bucket.Key.ItemCode, bucket.Key.Channel);
            if (!bucket.Measures.IsZero) db.Monthly.Add(MonthlyFigures.For(new Slice(first, department, division, item, channel), names[item], bucket.Measures));
        }
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    private async Task RewriteDayAsync(DateOnly day, Rollup part, CancellationToken ct)
    {
        await db.Daily.Where(d => d.Day == day).ExecuteDeleteAsync(ct);
        await writer.AddAsync(part, fresh: true, ct);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }
}
