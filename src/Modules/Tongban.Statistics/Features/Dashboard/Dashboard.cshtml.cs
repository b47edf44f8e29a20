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
internal class DashboardModel(FigureService figures, Labels labels, LicenseFigures.LicenseFigureService licenses, HallFigures.HallFigureService halls) : PageModel
{
    /// <summary>The names of departments and divisions, for a page built on this one.</summary>
    protected Labels Labels => labels;

    /// <summary>The page's own address (the trend and slicing links stay on it).</summary>
    public virtual string PagePath => "/statistics";

    /// <summary>Whether the halls' region-wide figures belong on the page.</summary>
    protected virtual bool WithHalls => RegionWide;

    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }
    [BindProperty(SupportsGet = true)] public string? Department { get; set; }
    [BindProperty(SupportsGet = true)] public string? Indicator { get; set; }
    [BindProperty(SupportsGet = true)] public string? Division { get; set; }
    [BindProperty(SupportsGet = true)] public string? Level { get; set; }

    /// <summary>How the slice table is cut: by department, division or level (the switch under it).</summary>
    [BindProperty(SupportsGet = true)] public string? By { get; set; }

    /// <summary>The slicings the switch offers, in its order.</summary>
    public static readonly IReadOnlyList<(By By, string Zh, string En)> Slicings =
        [(QueryFigures.By.Department, "按部门", "By department"), (QueryFigures.By.Division, "按行政区划", "By division"), (QueryFigures.By.Level, "按层级", "By level")];

    public IReadOnlyList<FigureTable> Headlines { get; private set; } = [];
    public FigureTable? Trend { get; private set; }

    /// <summary>The chosen indicator sliced as the switch says (by department only for a region-wide reader with no department chosen).</summary>
    public FigureTable? Sliced { get; private set; }
    /// <summary>The license figures by month (the chart and its table) and, for a region-wide reader, by department.</summary>
    public LicenseFigures.LicenseFigureTable? LicensesByMonth { get; private set; }
    public LicenseFigures.LicenseFigureTable? LicensesByDepartment { get; private set; }
    /// <summary>The halls' figures by month and by hall, for a region-wide reader only (halls serve every department).</summary>
    public HallFigures.HallFigureTable? HallsByMonth { get; private set; }
    public HallFigures.HallFigureTable? HallsByHall { get; private set; }
    public IReadOnlyList<(string Code, string Name)> Departments { get; private set; } = [];
    public IReadOnlyList<(string Code, string Name)> Divisions { get; private set; } = [];
    public bool RegionWide { get; private set; }

    public virtual async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>The figures of the page's filters, in the reader's scope.</summary>
    protected async Task LoadAsync(CancellationToken ct)
    {
        RegionWide = StatisticsScope.Of(User).Department is null;
        if (RegionWide)
            Departments = [.. (await labels.DepartmentsAsync(ct)).Values.Select(d => (d.CreditCode, Kernel.Localization.Text.Pick(d.Name, d.NameEn))).OrderBy(d => d.Item2, StringComparer.Ordinal)];
        Divisions = await DivisionChoicesAsync(ct);
        var chosen = IndicatorRegistry.Find(Indicator) ?? IndicatorRegistry.All[0];
        var slicing = Slicings.Select(s => s.By).FirstOrDefault(b => string.Equals(b.ToString(), By, StringComparison.OrdinalIgnoreCase), QueryFigures.By.Department);
        if (slicing == QueryFigures.By.Department && !(RegionWide && string.IsNullOrWhiteSpace(Department))) slicing = QueryFigures.By.Division;
        By = slicing.ToString().ToLowerInvariant();
        (Trend, Sliced) = await figures.ReadByMonthAndSliceAsync(Ask(chosen.Code, By), User, ct);
        From ??= Trend.Query.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        To ??= Trend.Query.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Headlines = [.. IndicatorRegistry.All.Select(Trend.As)];
        (LicensesByMonth, var licensesByDepartment) = await licenses.ReadByMonthAndDepartmentAsync(From, To, Department, User, ct);
        if (RegionWide) LicensesByDepartment = licensesByDepartment;
        if (WithHalls)
        {
            (HallsByMonth, HallsByHall) = await halls.ReadByMonthAndHallAsync(From, To, User, ct);
        }
    }

    /// <summary>This page showing another indicator's trend, with the page's filters.</summary>
    public string TrendHref(string indicator) =>
        PagePath + QueryString.Create(new Dictionary<string, string?>
        {
            ["Indicator"] = indicator, ["From"] = From, ["To"] = To, ["Department"] = Department, ["Division"] = Division, ["Level"] = Level,
        }.Where(p => !string.IsNullOrEmpty(p.Value))).ToUriComponent();

    /// <summary>The hall table's export, with the page's dates.</summary>
    public string HallExportHref(HallFigures.HallFigureTable table, string format) =>
        $"/statistics/export-halls.{format}" + QueryString.Create(new Dictionary<string, string?>
        {
            ["by"] = table.By, ["from"] = From, ["to"] = To,
        }.Where(p => !string.IsNullOrEmpty(p.Value))).ToUriComponent();

    /// <summary>The bars of the tickets taken by month, labelled as the trend's.</summary>
    public static IReadOnlyList<(string Label, decimal Value)> HallBars(HallFigures.HallFigureTable table) =>
        [.. table.Rows.Select(r => (Short(r.Key) ?? Kernel.Localization.Text.T(r.LabelZh, r.LabelEn), (decimal)r.Sums.Tickets))];

    /// <summary>The license table's export, with the page's dates and department.</summary>
    public string LicenseExportHref(LicenseFigures.LicenseFigureTable table, string format) =>
        $"/statistics/export-licenses.{format}" + QueryString.Create(new Dictionary<string, string?>
        {
            ["by"] = table.By, ["from"] = From, ["to"] = To, ["department"] = table.Department,
        }.Where(p => !string.IsNullOrEmpty(p.Value))).ToUriComponent();

    /// <summary>The divisions to choose from: those where a department sits (a case's division is its item's, so its department's), by name.</summary>
    private async Task<IReadOnlyList<(string Code, string Name)>> DivisionChoicesAsync(CancellationToken ct)
    {
        List<(string, string)> choices = [];
        foreach (var code in (await labels.DepartmentsAsync(ct)).Values.Select(d => d.DivisionCode).Distinct().Order(StringComparer.Ordinal))
        {
            var name = await labels.DivisionAsync(code, ct);
            if (name != Labels.NotStated) choices.Add((code, name.Zh));
        }
        return choices;
    }

    /// <summary>This page with its filters and another slicing (the switch's links).</summary>
    public string SliceHref(By by) =>
        PagePath + QueryString.Create(new Dictionary<string, string?>
        {
            ["From"] = From, ["To"] = To, ["Department"] = Department, ["Division"] = Division, ["Level"] = Level,
            ["Indicator"] = Trend?.Query.Indicator.Code, ["By"] = by.ToString().ToLowerInvariant(),
        }.Where(p => !string.IsNullOrEmpty(p.Value))).ToUriComponent();

    /// <summary>The bars of a monthly table, labelled short (6月 / Jun) so that they stay legible on a phone; the table names the year.</summary>
    public static IReadOnlyList<(string Label, decimal Value)> Bars(FigureTable table) =>
        [.. table.Rows.Select(r => (Short(r.Key) ?? Kernel.Localization.Text.T(r.LabelZh, r.LabelEn), r.Value ?? 0m))];

    /// <summary>The bars of the licenses issued by month, labelled as the trend's.</summary>
    public static IReadOnlyList<(string Label, decimal Value)> LicenseBars(LicenseFigures.LicenseFigureTable table) =>
        [.. table.Rows.Select(r => (Short(r.Key) ?? Kernel.Localization.Text.T(r.LabelZh, r.LabelEn), (decimal)r.Issued))];

    private static string? Short(string month) =>
        DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? Kernel.Localization.Text.T($"{d.Month}月", d.ToString("MMM", CultureInfo.InvariantCulture)) : null;

    private FigureRequest Ask(string indicator, string by) => new(indicator, by, From, To, Department, Division, Level);

    /// <summary>
    /// The address of the cases behind a figure, with the page's filters (department, division, level) and the row's
    /// slice (a month, a department, a division or a level) if any.
    /// </summary>
    public static string CasesHref(FigureTable table, string? month = null, string? department = null, string? division = null, string? level = null)
    {
        var q = table.Query;
        return "/statistics/cases" + QueryString.Create(new Dictionary<string, string?>
        {
            ["indicator"] = q.Indicator.Code, ["from"] = Day(month is null ? q.From : Max(q.From, Start(month))),
            ["to"] = Day(month is null ? q.To : Min(q.To, Start(month).AddMonths(1).AddDays(-1))),
            ["department"] = department ?? q.Department, ["division"] = division ?? q.Division,
            ["level"] = level ?? (q.Level is { } l ? Labels.LevelKey(l) : null),
        }.Where(p => !string.IsNullOrEmpty(p.Value))).ToUriComponent();
    }

    /// <summary>The cases behind one row of a table sliced by <paramref name="by"/>.</summary>
    public static string RowCasesHref(FigureTable table, By by, string key) => by switch
    {
        QueryFigures.By.Month => CasesHref(table, month: key),
        QueryFigures.By.Division => CasesHref(table, division: key),
        QueryFigures.By.Level => CasesHref(table, level: key),
        _ => CasesHref(table, department: key),
    };

    public string ExportHref(FigureTable table, string by, string format) =>
        $"/statistics/export.{format}" + QueryString.Create(new Dictionary<string, string?>
        {
            ["indicator"] = table.Query.Indicator.Code, ["by"] = by, ["from"] = From, ["to"] = To, ["department"] = table.Query.Department,
            ["division"] = table.Query.Division, ["level"] = table.Query.Level is { } l ? Labels.LevelKey(l) : null,
        }.Where(p => !string.IsNullOrEmpty(p.Value))).ToUriComponent();

    private static DateOnly Start(string month) => DateOnly.ParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
