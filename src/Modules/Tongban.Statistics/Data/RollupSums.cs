using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Tongban.Statistics.Domain;

namespace Tongban.Statistics.Data;

/// <summary>Rows of a roll-up summed by a key, in the database: one bucket per key with every measure's sum.</summary>
internal sealed record Bucket<TKey>(TKey Key, Measures Measures);

internal static class RollupSums
{
    /// <summary>The query that sums <paramref name="rows"/> by <paramref name="key"/> (daily or monthly rows alike).</summary>
    public static IQueryable<Bucket<TKey>> SumBy<TRow, TKey>(this IQueryable<TRow> rows, Expression<Func<TRow, TKey>> key) where TRow : RollupRow =>
        rows.GroupBy(key).Select(g => new Bucket<TKey>(g.Key, new Measures
        {
            Received = g.Sum(d => d.Figures.Received), Accepted = g.Sum(d => d.Figures.Accepted), Refused = g.Sum(d => d.Figures.Refused),
            Concluded = g.Sum(d => d.Figures.Concluded), ConcludedWithDue = g.Sum(d => d.Figures.ConcludedWithDue),
            ConcludedOnTime = g.Sum(d => d.Figures.ConcludedOnTime), ConcludedLate = g.Sum(d => d.Figures.ConcludedLate),
            WorkingDaysSum = g.Sum(d => d.Figures.WorkingDaysSum), WorkingDaysCount = g.Sum(d => d.Figures.WorkingDaysCount),
            Corrections = g.Sum(d => d.Figures.Corrections), Rated = g.Sum(d => d.Figures.Rated), RatedBad = g.Sum(d => d.Figures.RatedBad),
            Withdrawn = g.Sum(d => d.Figures.Withdrawn), AcceptedDeferred = g.Sum(d => d.Figures.AcceptedDeferred),
            TripsCounted = g.Sum(d => d.Figures.TripsCounted), TripsSum = g.Sum(d => d.Figures.TripsSum), TripsOverPromise = g.Sum(d => d.Figures.TripsOverPromise),
            MaterialsProvided = g.Sum(d => d.Figures.MaterialsProvided), MaterialsReused = g.Sum(d => d.Figures.MaterialsReused),
            Rectified = g.Sum(d => d.Figures.Rectified), RectifiedOnTime = g.Sum(d => d.Figures.RectifiedOnTime),
            Appeals = g.Sum(d => d.Figures.Appeals), AppealsUpheld = g.Sum(d => d.Figures.AppealsUpheld),
        }));

    /// <summary>Each item's name as the rows carry it (one of them when it was renamed: any serves as a label).</summary>
    public static Task<Dictionary<string, string>> ItemNamesAsync<TRow>(this IQueryable<TRow> rows, CancellationToken ct) where TRow : RollupRow =>
        rows.GroupBy(d => d.ItemCode).Select(g => new { g.Key, Name = g.Max(d => d.ItemName) }).ToDictionaryAsync(x => x.Key, x => x.Name ?? "", ct);
}
