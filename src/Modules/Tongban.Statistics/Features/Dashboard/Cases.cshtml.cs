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
    [BindProperty(SupportsGet = true)] public string? Division { get; set; }
    [BindProperty(SupportsGet = true)] public string? Level { get; set; }

    public CasePage? Result { get; private set; }
    public IReadOnlyDictionary<string, Organization.Contracts.DepartmentInfo> Departments { get; private set; } = new Dictionary<string, Organization.Contracts.DepartmentInfo>();

    public async Task OnGetAsync(CancellationToken ct)
    {
        Departments = await labels.DepartmentsAsync(ct);
        Result = await list.ListAsync(new FigureRequest(Indicator, null, From, To, Department, Division, Level), User, ct);
        foreach (var code in Result.Cases.Select(c => c.DivisionCode).Distinct()) _divisions[code] = await labels.DivisionAsync(code, ct);
        if (Result.Query.Division is { } division) Narrowed.Add(await labels.DivisionAsync(division, ct));
        if (Result.Query.Level is { } level) Narrowed.Add(Labels.Level(level));
    }

    /// <summary>The division or level the list is narrowed to, in words.</summary>
    public List<(string Zh, string En)> Narrowed { get; } = [];

    private readonly Dictionary<string, (string Zh, string En)> _divisions = [];

    public string DivisionName(string code) =>
        _divisions.TryGetValue(code, out var name) ? Kernel.Localization.Text.T(name.Zh, name.En) : Kernel.Localization.Text.T(Labels.NotStated.Zh, Labels.NotStated.En);

    public string DepartmentName(string code) =>
        Departments.TryGetValue(code, out var d) ? Kernel.Localization.Text.Pick(d.Name, d.NameEn) : Kernel.Localization.Text.T(Labels.NotStated.Zh, Labels.NotStated.En);
}
