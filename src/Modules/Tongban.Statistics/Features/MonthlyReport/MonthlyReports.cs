using System.Globalization;
using System.Security.Claims;
using Tongban.Kernel.Errors;
using Tongban.Kernel.Time;
using Tongban.Statistics.Domain;
using Tongban.Statistics.Features.Indicators;
using Tongban.Statistics.Features.QueryFigures;

namespace Tongban.Statistics.Features.MonthlyReport;

/// <summary>A department's month (月度报告): every case indicator this month, last month and this year to the month's end; the items with the most cases.</summary>
internal sealed record MonthlyReport(string Department, string DepartmentZh, string DepartmentEn, DateOnly Month,
    IReadOnlyList<ReportLine> Figures, IReadOnlyList<ItemLine> Items, DateTimeOffset MadeAt)
{
    public const int ItemsShown = 15;
}

internal sealed record ReportLine(Indicator Indicator, decimal? ThisMonth, decimal? LastMonth, decimal? YearToDate);

internal sealed record ItemLine(string Code, string Name, long Received, long Concluded, decimal? OnTimeRate, decimal? GoodRate);

/// <summary>
/// Makes a department's monthly report from the roll-ups through the one path every figure takes (<see cref="FigureService"/>:
/// the reader's scope, a department head's own department only), two reads: the months from last month (or January) to
/// the month, and the items of the month.
/// </summary>
internal sealed class MonthlyReports(FigureService figures, Labels labels, RegionClock clock)
{
    public async Task<MonthlyReport> MakeAsync(string? department, string? month, ClaimsPrincipal user, CancellationToken ct)
    {
        var first = MonthOf(month);
        if (StatisticsScope.Of(user).Department is null && string.IsNullOrWhiteSpace(department))
            throw new DomainException(FigureRequest.Bad("department", "请选择部门", "Choose a department"));
        var (last, previous, january) = (first.AddMonths(1).AddDays(-1), first.AddMonths(-1), new DateOnly(first.Year, 1, 1));
        var months = await figures.ReadAsync(Request("received", "month", previous < january ? previous : january, last, department), user, ct);
        var code = months.Query.Department!;
        Measures Of(DateOnly m) => months.Rows.FirstOrDefault(r => r.Key == Key(m))?.Measures ?? new Measures();
        var year = new Measures();
        foreach (var row in months.Rows.Where(r => string.CompareOrdinal(r.Key, Key(january)) >= 0)) year.Add(row.Measures);
        var (now, before) = (Of(first), Of(previous));
        var lines = IndicatorRegistry.All.Select(i => new ReportLine(i, i.Value(now), i.Value(before), i.Value(year))).ToList();

        var items = await figures.ReadAsync(Request("received", "item", first, last, code), user, ct);
        var (onTime, good) = (IndicatorRegistry.Find("on-time-rate")!, IndicatorRegistry.Find("good-rate")!);
        var top = items.Rows.Where(r => r.Key.Length > 0).OrderByDescending(r => r.Measures.Received).ThenBy(r => r.Key, StringComparer.Ordinal).Take(MonthlyReport.ItemsShown)
            .Select(r => new ItemLine(r.Key, r.LabelZh, r.Measures.Received, r.Measures.Concluded, onTime.Value(r.Measures), good.Value(r.Measures))).ToList();
        var (zh, en) = await labels.DepartmentAsync(code, ct);
        return new MonthlyReport(code, zh, en, first, lines, top, clock.LocalNow);
    }

    private static FigureRequest Request(string indicator, string by, DateOnly from, DateOnly to, string? department) =>
        new(indicator, by, Date(from), Date(to), department);

    private static string Date(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Key(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>The month asked for (<c>2026-11</c>), or the last ended one; one not yet begun, or before 2000, is refused.</summary>
    private DateOnly MonthOf(string? month)
    {
        var current = new DateOnly(clock.Today.Year, clock.Today.Month, 1);
        if (string.IsNullOrWhiteSpace(month)) return current.AddMonths(-1);
        if (!DateOnly.TryParseExact(month.Trim() + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first)
            || first < FigureRequest.Earliest || first > current)
            throw new DomainException(FigureRequest.Bad("month", "月份应为 2000 年以后、不晚于本月的月份，格式如 2026-11",
                "The month must be from 2000 to this month, like 2026-11"));
        return first;
    }
}
