using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongban.Applications.Domain;
using Tongban.Applications.Features.Workbench;
using Tongban.Kernel.Security;
using Tongban.Kernel.Web;
using Tongban.Organization.Contracts;

namespace Tongban.Applications.Features.SuperviseCases;

/// <summary>
/// The supervisor's view: counts per department, the overdue and near-due cases, this month's concluded cases per
/// department from the statistics' roll-ups (kernel <see cref="IOverdueFigures"/>: overdue, on-time rate), the
/// rectifications of bad ratings open now (and past due) per department, the orders issued and the form to issue one.
/// </summary>
[Authorize(Policies.EfficiencySupervisor)]
internal sealed class SupervisionModel(SuperviseCases handler, IOrganizationDirectory organization, IEnumerable<IOverdueFigures> figures) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Department { get; set; }
    [BindProperty] public string? CaseNumber { get; set; }
    [BindProperty] public string? Requirement { get; set; }
    [BindProperty] public DateOnly? AnswerBy { get; set; }

    public SupervisionOverview Overview { get; private set; } = new([], []);
    public IReadOnlyList<SupervisionOrder> Orders { get; private set; } = [];
    public DateOnly Today => handler.Today;

    /// <summary>Rectifications of bad ratings open now per department, with those past due.</summary>
    public IReadOnlyList<DepartmentRectifications> Rectifications { get; private set; } = [];

    /// <summary>This month's concluded cases per department, the most overdue first; null where no statistics module answers.</summary>
    public IReadOnlyList<DepartmentOverdueFigure>? Concluded { get; private set; }

    public DateOnly MonthStart => new(Today.Year, Today.Month, 1);

    /// <summary>The statistics' list of the cases behind a department's overdue figure this month.</summary>
    public string OverdueCasesHref(string department) =>
        $"/statistics/cases?indicator=overdue&from={MonthStart:yyyy-MM-dd}&to={Today:yyyy-MM-dd}&department={Uri.EscapeDataString(department)}";

    private Dictionary<string, DepartmentInfo> _departments = [];

    /// <summary>A department by its name in both languages; its credit code only if the directory no longer knows it.</summary>
    public (string Zh, string En) DepartmentName(string creditCode) =>
        _departments.TryGetValue(creditCode, out var d) ? (d.Name, d.NameEn ?? d.Name) : (creditCode, creditCode);

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        await handler.IssueAsync(new IssueInput(CaseNumber, Requirement, AnswerBy), User, ct);
        return Redirect("/admin/supervision");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Overview = await handler.OverviewAsync(string.IsNullOrWhiteSpace(Department) ? null : Department, User, ct);
        Orders = await handler.OrdersAsync(null, User, ct);
        Rectifications = await handler.RectificationsAsync(User, ct);
        _departments = (await organization.ListDepartmentsAsync(null, ct)).ToDictionary(d => d.CreditCode);
        if (figures.FirstOrDefault() is { } source) Concluded = await source.ByDepartmentAsync(MonthStart, Today, ct);
    }
}

/// <summary>Supervision orders on the department's cases, with the form to answer each.</summary>
[Authorize(Roles = WorkbenchModel.CaseRoleList)]
internal sealed class SupervisionOrdersModel(SuperviseCases handler) : PageModel
{
    [BindProperty] public string? Answer { get; set; }

    public IReadOnlyList<SupervisionOrder> Orders { get; private set; } = [];
    public DateOnly Today => handler.Today;

    public async Task OnGetAsync(CancellationToken ct) => Orders = await handler.OrdersAsync(null, User, ct);

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        Orders = await handler.OrdersAsync(null, User, ct);
        await handler.AnswerAsync(id, Answer ?? "", User, ct);
        return Redirect("/admin/supervision/orders");
    }
}
