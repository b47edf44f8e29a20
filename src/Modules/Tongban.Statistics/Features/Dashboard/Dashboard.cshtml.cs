using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongban.Statistics.Features.Indicators;
using Tongban.Statistics.Features.QueryFigures;

namespace Tongban.Statistics.Features.Dashboard;

/// <summary>
/// The leader's dashboard (领导驾驶舱): every indicator's figure over the chosen months, each opening the cases behind
/// it; the monthly trend of the chosen indicator as a chart with its table; the same by department. A department head
/// sees their own department only.
/// </summary>
[Authorize(StatisticsScope.Policy)]
internal sealed class DashboardModel(FigureService figures, Labels labels) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }
    [BindProperty(SupportsGet = true)] public string? Department { get; set; }
    [BindProperty(SupportsGet = true)] public string? Indicator { get; set; }

    public IReadOnlyList<FigureTable> Headlines { get; private set; } = [];
    public FigureTable? Trend { get; private set; }
    public FigureTable? ByDepartment { get; private set; }
    public IReadOnlyList<(string Code, string Name)> Departments { get; private set; } = [];
    public bool RegionWide { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        RegionWide = StatisticsScope.Of(User).Department is null;
        if (RegionWide)
            Departments = [.. (await labels.DepartmentsAsync(ct)).Values.Select(d => (d.CreditCode, Kernel.Localization.Text.Pick(d.Name, d.NameEn))).OrderBy(d => d.Item2, StringComparer.Ordinal)];
        var chosen = IndicatorRegistry.Find(Indicator) ?? IndicatorRegistry.All[0];
        Trend = await figures.ReadAsync(Ask(chosen.Code, "month"), User, ct);
        From ??= Trend.Query.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        To ??= Trend.Query.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Headlines = [.. IndicatorRegistry.All.Select(Trend.As)];
        if (RegionWide && Trend.Query.Department is null) ByDepartment = await figures.ReadAsync(Ask(chosen.Code, "department"), User, ct);
    }

    /// <summary>The bars of a monthly table, labelled short (6月 / Jun) so that they stay legible on a phone; the table names the year.</summary>
    public static IReadOnlyList<(string Label, decimal Value)> Bars(FigureTable table) =>
        [.. table.Rows.Select(r => (Short(r.Key) ?? Kernel.Localization.Text.T(r.LabelZh, r.LabelEn), r.Value ?? 0m))];

    private static string? Short(string month) =>
        DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? Kernel.Localization.Text.T($"{d.Month}月", d.ToString("MMM", CultureInfo.InvariantCulture)) : null;

    private FigureRequest Ask(string indicator, string by) => new(indicator, by, From, To, Department);

    /// <summary>The address of the cases behind a figure, with the page's filters and the slice (month or department) if any.</summary>
    public static string CasesHref(FigureTable table, string? month = null, string? department = null) =>
        "/statistics/cases" + QueryString.Create(new Dictionary<string, string?>
        {
            ["indicator"] = table.Query.Indicator.Code, ["from"] = Day(month is null ? table.Query.From : Max(table.Query.From, Start(month))),
            ["to"] = Day(month is null ? table.Query.To : Min(table.Query.To, Start(month).AddMonths(1).AddDays(-1))),
            ["department"] = department ?? table.Query.Department,
        }.Where(p => p.Value is not null)).ToUriComponent();

    public string ExportHref(FigureTable table, string by, string format) =>
        $"/statistics/export.{format}" + QueryString.Create(new Dictionary<string, string?>
        {
            ["indicator"] = table.Query.Indicator.Code, ["by"] = by, ["from"] = From, ["to"] = To, ["department"] = table.Query.Department,
        }.Where(p => p.Value is not null)).ToUriComponent();

    private static DateOnly Start(string month) => DateOnly.ParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
