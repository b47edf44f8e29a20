using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongban.Statistics.Features.QueryFigures;

namespace Tongban.Statistics.Features.Dashboard;

/// <summary>The cases behind a figure, each opening in the case workbench (which applies its own scope and masking).</summary>
[Authorize(StatisticsScope.Policy)]
internal sealed class CasesModel(CaseList list, Labels labels) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Indicator { get; set; }
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }
    [BindProperty(SupportsGet = true)] public string? Department { get; set; }

    public CasePage? Result { get; private set; }
    public IReadOnlyDictionary<string, Organization.Contracts.DepartmentInfo> Departments { get; private set; } = new Dictionary<string, Organization.Contracts.DepartmentInfo>();

    public async Task OnGetAsync(CancellationToken ct)
    {
        Departments = await labels.DepartmentsAsync(ct);
        Result = await list.ListAsync(new FigureRequest(Indicator, null, From, To, Department), User, ct);
    }

    public string DepartmentName(string code) =>
        Departments.TryGetValue(code, out var d) ? Kernel.Localization.Text.Pick(d.Name, d.NameEn) : Kernel.Localization.Text.T(Labels.NotStated.Zh, Labels.NotStated.En);
}
