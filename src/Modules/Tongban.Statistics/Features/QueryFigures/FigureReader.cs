using System.Globalization;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Tongban.Kernel.Identifiers;
using Tongban.Statistics.Data;
using Tongban.Statistics.Domain;
using Tongban.Statistics.Features.Indicators;

namespace Tongban.Statistics.Features.QueryFigures;

/// <summary>One row of a figure table: the slice's key (for addresses and machines), its words, its measures and the figure.</summary>
internal sealed record FigureRow(string Key, string LabelZh, string LabelEn, Measures Measures, decimal? Value);

internal sealed record FigureTable(FigureQuery Query, IReadOnlyList<FigureRow> Rows, FigureRow Total)
{
    /// <summary>
    /// The same slices as another indicator's figures: the measures do not depend on the indicator, so a page showing
    /// several indicators over one slicing reads the roll-ups once.
    /// </summary>
    public FigureTable As(Indicator indicator) => indicator == Query.Indicator ? this : new(
        Query with { Indicator = indicator },
        [.. Rows.Select(r => r with { Value = indicator.Value(r.Measures) })],
        Total with { Value = indicator.Value(Total.Measures) });
}

/// <summary>
/// An indicator's figures sliced as asked, summed from the daily roll-ups in the database (never from the cases): the
/// reads stay the size of days × departments × items, however many cases there are.
/// </summary>
internal sealed class FigureReader(StatisticsDbContext db, Labels labels)
{
    private sealed record Bucket<TKey>(TKey Key, Measures Measures);

    public async Task<FigureTable> ReadAsync(FigureQuery query, CancellationToken ct)
    {
        var rows = db.Daily.AsNoTracking().Where(d => d.Day >= query.From && d.Day <= query.To);
        if (query.Department is { } department) rows = rows.Where(d => d.DepartmentCode == department);
        if (query.Division is { } division) rows = rows.Where(d => d.DivisionCode == division);
        if (query.Level is { } level)
        {
            var codes = await labels.DivisionsOfLevelAsync(level, ct);
            rows = rows.Where(d => codes.Contains(d.DivisionCode));
        }
        List<FigureRow> result = query.By switch
        {
            By.Division => await DivisionRowsAsync(query, rows, ct),
            By.Level => await LevelRowsAsync(query, rows, ct),
            By.Day => [.. (await SumAsync(rows, d => d.Day, ct)).OrderBy(b => b.Key).Select(b => Row(query, b.Key.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Labels.Day(b.Key), b.Measures))],
            By.Month => [.. (await SumAsync(rows, d => d.Month, ct)).OrderBy(b => b.Key, StringComparer.Ordinal).Select(b => Row(query, b.Key, Labels.Month(b.Key), b.Measures))],
            By.Channel => [.. (await SumAsync(rows, d => d.Channel, ct)).Select(b => Row(query, b.Key, Labels.Channel(b.Key), b.Measures))],
            By.Department => await DepartmentRowsAsync(query, rows, ct),
            _ => await ItemRowsAsync(query, rows, ct),
        };
        var total = new Measures();
        foreach (var row in result) total.Add(row.Measures);
        return new FigureTable(query, result, Row(query, "", ("合计", "Total"), total));
    }

    private async Task<List<FigureRow>> DepartmentRowsAsync(FigureQuery query, IQueryable<DailyFigures> rows, CancellationToken ct)
    {
        List<FigureRow> result = [];
        foreach (var bucket in await SumAsync(rows, d => d.DepartmentCode, ct))
            result.Add(Row(query, bucket.Key, await labels.DepartmentAsync(bucket.Key, ct), bucket.Measures));
        return [.. result.OrderByDescending(r => r.Value ?? -1)];
    }

    private async Task<List<FigureRow>> DivisionRowsAsync(FigureQuery query, IQueryable<DailyFigures> rows, CancellationToken ct)
    {
        List<FigureRow> result = [];
        foreach (var bucket in await SumAsync(rows, d => d.DivisionCode, ct))
            result.Add(Row(query, bucket.Key, await labels.DivisionAsync(bucket.Key, ct), bucket.Measures));
        return [.. result.OrderByDescending(r => r.Value ?? -1)];
    }

    /// <summary>
    /// By level: summed by division in the database (as many rows as divisions, not cases), then each division's sums
    /// added under its level here; the levels in their order, city before county.
    /// </summary>
    private async Task<List<FigureRow>> LevelRowsAsync(FigureQuery query, IQueryable<DailyFigures> rows, CancellationToken ct)
    {
        var levels = new SortedDictionary<int, Measures>();
        foreach (var bucket in await SumAsync(rows, d => d.DivisionCode, ct))
        {
            var level = await labels.LevelOfAsync(bucket.Key, ct);
            var key = level is { } l ? (int)l : int.MaxValue;
            if (!levels.TryGetValue(key, out var sum)) levels[key] = sum = new Measures();
            sum.Add(bucket.Measures);
        }
        return [.. levels.Select(l =>
        {
            DivisionLevel? level = l.Key == int.MaxValue ? null : (DivisionLevel)l.Key;
            return Row(query, Labels.LevelKey(level), Labels.Level(level), l.Value);
        })];
    }

    private static async Task<List<FigureRow>> ItemRowsAsync(FigureQuery query, IQueryable<DailyFigures> rows, CancellationToken ct)
    {
        var names = await rows.GroupBy(d => d.ItemCode).Select(g => new { g.Key, Name = g.Max(d => d.ItemName) }).ToDictionaryAsync(x => x.Key, x => x.Name, ct);
        return [.. (await SumAsync(rows, d => d.ItemCode, ct))
            .Select(b => Row(query, b.Key, names.GetValueOrDefault(b.Key) is { Length: > 0 } n ? (n, n) : Labels.NotStated, b.Measures))
            .OrderByDescending(r => r.Value ?? -1)];
    }

    private static FigureRow Row(FigureQuery query, string key, (string Zh, string En) label, Measures measures) =>
        new(key, label.Zh, label.En, measures, query.Indicator.Value(measures));

    private static Task<List<Bucket<TKey>>> SumAsync<TKey>(IQueryable<DailyFigures> rows, Expression<Func<DailyFigures, TKey>> key, CancellationToken ct) =>
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
        })).ToListAsync(ct);
}
