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
/// An indicator's figures sliced as asked, summed from the roll-ups in the database (never from the cases): the months
/// of the period from the monthly rows and only a few days from the daily ones (<see cref="Split"/>), so a year reads
/// twelve or thirteen months and a few days, not 365 days, of departments × items.
/// </summary>
internal sealed class FigureReader(StatisticsDbContext db, Labels labels)
{
    /// <summary>
    /// The rows one period reads: days, months, and the days of those months outside the period, which are taken away
    /// again (<see cref="Split"/>).
    /// </summary>
    private sealed record Rows(IQueryable<DailyFigures>? Days, IQueryable<MonthlyFigures>? Months, IQueryable<DailyFigures>? Outside);

    public async Task<FigureTable> ReadAsync(FigureQuery query, CancellationToken ct)
    {
        var (days, rows) = await RowsAsync(query, ct);
        return Table(query, query.By switch
        {
            By.Division => await DivisionRowsAsync(query, await SumAsync(rows, d => d.DivisionCode, ct), ct),
            By.Level => await LevelRowsAsync(query, await SumAsync(rows, d => d.DivisionCode, ct), ct),
            By.Day => [.. (await days.Where(d => d.Day >= query.From && d.Day <= query.To).SumBy(d => d.Day).ToListAsync(ct))
                .OrderBy(b => b.Key).Select(b => Row(query, b.Key.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Labels.Day(b.Key), b.Measures))],
            By.Month => MonthRows(query, await SumAsync(rows, d => d.Month, ct)),
            By.Channel => [.. (await SumAsync(rows, d => d.Channel, ct)).Select(b => Row(query, b.Key, Labels.Channel(b.Key), b.Measures))],
            By.Department => await DepartmentRowsAsync(query, await SumAsync(rows, d => d.DepartmentCode, ct), ct),
            _ => await ItemRowsAsync(query, rows, ct),
        });
    }

    /// <summary>
    /// The figures by month and, from the same read, sliced by the query's department, division or level: the period's
    /// rows summed once by (month, slice) and folded both ways — what the dashboard shows, its trend and its slice table,
    /// for one pass over the roll-ups instead of two.
    /// </summary>
    public async Task<(FigureTable ByMonth, FigureTable Sliced)> ReadByMonthAndSliceAsync(FigureQuery query, CancellationToken ct)
    {
        if (query.By is not (By.Department or By.Division or By.Level))
            throw new ArgumentException($"A dashboard slices by department, division or level, not {query.By}.", nameof(query));
        var (_, rows) = await RowsAsync(query, ct);
        var pairs = query.By == By.Department ? await SumAsync(rows, d => new { d.Month, Slice = d.DepartmentCode }, ct)
            : await SumAsync(rows, d => new { d.Month, Slice = d.DivisionCode }, ct);
        var byMonth = query with { By = By.Month };
        var months = MonthRows(byMonth, Fold(pairs, p => p.Month));
        var slices = Fold(pairs, p => p.Slice);
        return (Table(byMonth, months), Table(query, query.By switch
        {
            By.Department => await DepartmentRowsAsync(query, slices, ct),
            By.Division => await DivisionRowsAsync(query, slices, ct),
            _ => await LevelRowsAsync(query, slices, ct),
        }));
    }

    /// <summary>The query's daily rows (narrowed to its department, division and level) and its period split into rows to read.</summary>
    private async Task<(IQueryable<DailyFigures> Days, Rows Period)> RowsAsync(FigureQuery query, CancellationToken ct)
    {
        IReadOnlyList<string>? levelCodes = query.Level is { } level ? await labels.DivisionsOfLevelAsync(level, ct) : null;
        IQueryable<TRow> Narrow<TRow>(IQueryable<TRow> rows) where TRow : RollupRow
        {
            if (query.Department is { } department) rows = rows.Where(d => d.DepartmentCode == department);
            if (query.Division is { } division) rows = rows.Where(d => d.DivisionCode == division);
            if (levelCodes is not null) rows = rows.Where(d => levelCodes.Contains(d.DivisionCode));
            return rows;
        }
        var days = Narrow(db.Daily.AsNoTracking());
        return (days, Split(query, days, Narrow(db.Monthly.AsNoTracking())));
    }

    private static FigureTable Table(FigureQuery query, List<FigureRow> rows)
    {
        var total = new Measures();
        foreach (var row in rows) total.Add(row.Measures);
        return new FigureTable(query, rows, Row(query, "", ("合计", "Total"), total));
    }

    /// <summary>Buckets of a pair of keys added up by one of them.</summary>
    private static List<Bucket<string>> Fold<TPair>(List<Bucket<TPair>> pairs, Func<TPair, string> key)
    {
        var sums = new Dictionary<string, Measures>(StringComparer.Ordinal);
        AddInto(sums, pairs.Select(p => new Bucket<string>(key(p.Key), p.Measures)), 1);
        return [.. sums.Select(s => new Bucket<string>(s.Key, s.Value))];
    }

    /// <summary>Each bucket's measures added (or, with <paramref name="sign"/> −1, taken away) under its key.</summary>
    private static void AddInto<TKey>(Dictionary<TKey, Measures> sums, IEnumerable<Bucket<TKey>> buckets, int sign) where TKey : notnull
    {
        foreach (var bucket in buckets)
        {
            if (!sums.TryGetValue(bucket.Key, out var sum)) sums[bucket.Key] = sum = new Measures();
            sum.Add(bucket.Measures, sign);
        }
    }

    private static List<FigureRow> MonthRows(FigureQuery query, List<Bucket<string>> months) =>
        [.. months.OrderBy(b => b.Key, StringComparer.Ordinal).Select(b => Row(query, b.Key, Labels.Month(b.Key), b.Measures))];

    /// <summary>
    /// The period as months and days, reading as few rows as it can: a whole month as its monthly rows; a month the period
    /// covers only in part as its days inside the period, or — when fewer of its days lie outside (the twelve months up
    /// to today begin on the 8th of a month) — as its monthly rows less its days outside.
    /// </summary>
    private static Rows Split(FigureQuery query, IQueryable<DailyFigures> days, IQueryable<MonthlyFigures> months)
    {
        var (from, to) = (query.From, query.To);
        var (firstMonth, lastMonth) = (new DateOnly(from.Year, from.Month, 1), new DateOnly(to.Year, to.Month, 1));
        var none = (From: DateOnly.MaxValue, To: DateOnly.MinValue);
        (DateOnly From, DateOnly To) daysIn1 = none, daysIn2 = none, outside1 = none, outside2 = none;
        var (monthsFrom, monthsTo) = (firstMonth, lastMonth);
        if (firstMonth == lastMonth)
        {
            var end = firstMonth.AddMonths(1).AddDays(-1);
            var inside = to.DayNumber - from.DayNumber + 1;
            if (end.Day - inside < inside) (outside1, outside2) = ((firstMonth, from.AddDays(-1)), (to.AddDays(1), end));
            else (daysIn1, monthsTo) = ((from, to), firstMonth.AddMonths(-1));
        }
        else
        {
            if (from.Day != 1)
            {
                var end = firstMonth.AddMonths(1).AddDays(-1);
                if (from.Day - 1 < end.Day - from.Day + 1) outside1 = (firstMonth, from.AddDays(-1));
                else (daysIn1, monthsFrom) = ((from, end), firstMonth.AddMonths(1));
            }
            var last = lastMonth.AddMonths(1).AddDays(-1);
            if (to != last)
            {
                if (last.Day - to.Day < to.Day) outside2 = (to.AddDays(1), last);
                else (daysIn2, monthsTo) = ((lastMonth, to), lastMonth.AddMonths(-1));
            }
        }
        var (a, b) = (RollupRow.MonthOf(monthsFrom), RollupRow.MonthOf(monthsTo));
        return new(
            daysIn1.From <= daysIn1.To || daysIn2.From <= daysIn2.To
                ? days.Where(d => (d.Day >= daysIn1.From && d.Day <= daysIn1.To) || (d.Day >= daysIn2.From && d.Day <= daysIn2.To)) : null,
            monthsFrom <= monthsTo ? months.Where(m => string.Compare(m.Month, a) >= 0 && string.Compare(m.Month, b) <= 0) : null,
            outside1.From <= outside1.To || outside2.From <= outside2.To
                ? days.Where(d => (d.Day >= outside1.From && d.Day <= outside1.To) || (d.Day >= outside2.From && d.Day <= outside2.To)) : null);
    }

    private async Task<List<FigureRow>> DepartmentRowsAsync(FigureQuery query, List<Bucket<string>> departments, CancellationToken ct)
    {
        List<FigureRow> result = [];
        foreach (var bucket in departments)
            result.Add(Row(query, bucket.Key, await labels.DepartmentAsync(bucket.Key, ct), bucket.Measures));
        return [.. result.OrderByDescending(r => r.Value ?? -1).ThenBy(r => r.Key, StringComparer.Ordinal)];
    }

    private async Task<List<FigureRow>> DivisionRowsAsync(FigureQuery query, List<Bucket<string>> divisions, CancellationToken ct)
    {
        List<FigureRow> result = [];
        foreach (var bucket in divisions)
            result.Add(Row(query, bucket.Key, await labels.DivisionAsync(bucket.Key, ct), bucket.Measures));
        return [.. result.OrderByDescending(r => r.Value ?? -1).ThenBy(r => r.Key, StringComparer.Ordinal)];
    }

    /// <summary>
    /// By level: summed by division in the database (as many rows as divisions, not cases), then each division's sums
    /// added under its level here; the levels in their order, city before county.
    /// </summary>
    private async Task<List<FigureRow>> LevelRowsAsync(FigureQuery query, List<Bucket<string>> divisions, CancellationToken ct)
    {
        var levels = new SortedDictionary<int, Measures>();
        foreach (var bucket in divisions)
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

    private static async Task<List<FigureRow>> ItemRowsAsync(FigureQuery query, Rows rows, CancellationToken ct)
    {
        var names = rows.Days is { } days ? await days.ItemNamesAsync(ct) : [];
        if (rows.Months is { } months)
            foreach (var (item, name) in await months.ItemNamesAsync(ct)) names.TryAdd(item, name);
        return [.. (await SumAsync(rows, d => d.ItemCode, ct))
            .Select(b => Row(query, b.Key, names.GetValueOrDefault(b.Key) is { Length: > 0 } n ? (n, n) : Labels.NotStated, b.Measures))
            .OrderByDescending(r => r.Value ?? -1).ThenBy(r => r.Key, StringComparer.Ordinal)];
    }

    private static FigureRow Row(FigureQuery query, string key, (string Zh, string En) label, Measures measures) =>
        new(key, label.Zh, label.En, measures, query.Indicator.Value(measures));

    /// <summary>The period's rows summed by <paramref name="key"/>: its days and months added and its outside days taken away, by key.</summary>
    private static async Task<List<Bucket<TKey>>> SumAsync<TKey>(Rows rows, Expression<Func<RollupRow, TKey>> key, CancellationToken ct) where TKey : notnull
    {
        var buckets = new Dictionary<TKey, Measures>();
        if (rows.Days is { } days) AddInto(buckets, await days.SumBy(Of<DailyFigures, TKey>(key)).ToListAsync(ct), 1);
        if (rows.Months is { } months) AddInto(buckets, await months.SumBy(Of<MonthlyFigures, TKey>(key)).ToListAsync(ct), 1);
        if (rows.Outside is { } outside) AddInto(buckets, await outside.SumBy(Of<DailyFigures, TKey>(key)).ToListAsync(ct), -1);
        // A slice whose figures all lie outside the period nets to nothing: it is not a row of the period.
        return [.. buckets.Where(b => !b.Value.IsZero).Select(b => new Bucket<TKey>(b.Key, b.Value))];
    }

    /// <summary>A key of any roll-up row as the key of <typeparamref name="TRow"/>'s rows, which the database can group by.</summary>
    private static Expression<Func<TRow, TKey>> Of<TRow, TKey>(Expression<Func<RollupRow, TKey>> key) where TRow : RollupRow
    {
        var row = Expression.Parameter(typeof(TRow), key.Parameters[0].Name);
        return Expression.Lambda<Func<TRow, TKey>>(new Replace(key.Parameters[0], row).Visit(key.Body), row);
    }

    private sealed class Replace(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
