using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Tongban.Statistics.Features.QueryFigures;

namespace Tongban.Statistics.Features.Dashboard;

/// <summary>
/// A department's page (部门统计): the dashboard's figures, trend and charts for one department, each opening its cases.
/// A department head (a leader placed in a department) gets their own, and another department's is not found; a
/// region-wide reader (a leader without a department, an efficiency supervisor) chooses one.
/// </summary>
[Authorize(StatisticsScope.Policy)]
internal sealed class DepartmentModel(FigureService figures, Labels labels, LicenseFigures.LicenseFigureService licenses, HallFigures.HallFigureService halls, Kernel.Time.RegionClock clock)
    : DashboardModel(figures, labels, licenses, halls)
{
    /// <summary>Who sees the link on the admin home: a leader placed in a department (its head).</summary>
    public const string HeadPolicy = "statistics.department-head";

    public override string PagePath => "/statistics/department";

    protected override bool WithHalls => false;

    /// <summary>The department shown, in both languages; null while a region-wide reader has not chosen one.</summary>
    public (string Zh, string En)? DepartmentName { get; private set; }

    /// <summary>The monthly report's choice: this month (the latest it can be) and the last ended one (the default), as <c>yyyy-MM</c>.</summary>
    public string ThisMonth => clock.Today.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);

    public string LastMonth => clock.Today.AddMonths(-1).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The departments a region-wide reader chooses from, by name.</summary>
    public IReadOnlyList<(string Code, string Zh, string En)> Choices { get; private set; } = [];

    public override async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var scope = StatisticsScope.Of(User);
        var all = await Labels.DepartmentsAsync(ct);
        if (scope.Department is null)
        {
            // Also shown again, with the message, when the department asked for is unknown (400).
            Choices = [.. all.Values.Select(d => (d.CreditCode, d.Name, d.NameEn ?? d.Name)).OrderBy(d => d.Name, StringComparer.Ordinal)];
            if (string.IsNullOrWhiteSpace(Department)) return Page();
        }
        Department = scope.Limit(string.IsNullOrWhiteSpace(Department) ? null : Department.Trim());
        await LoadAsync(ct);
        DepartmentName = await Labels.DepartmentAsync(Department!, ct);
        return Page();
    }
}
