using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongban.Catalog.Contracts;
using Tongban.Kernel.Errors;
using Tongban.Statistics.Features.Indicators;
using Tongban.Statistics.Features.QueryFigures;

namespace Tongban.Statistics.Features.ItemIndicators;

/// <summary>
/// The item-side indicators (网上可办率, 全程网办率, trips, limits and their compression) by department, each figure
/// opening the items behind it; with <see cref="Indicator"/>, the list of those items, each linking to its guide.
/// </summary>
[Authorize(StatisticsScope.Policy)]
internal sealed class ItemsModel(ItemFigureService figures, Labels labels) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Indicator { get; set; }
    [BindProperty(SupportsGet = true)] public string? Department { get; set; }

    public IReadOnlyList<(string Code, (string Zh, string En) Name, IReadOnlyList<decimal?> Values)> ByDepartment { get; private set; } = [];
    public IReadOnlyList<decimal?> Totals { get; private set; } = [];
    public ItemIndicator? Chosen { get; private set; }
    public IReadOnlyList<ItemFigures> Behind { get; private set; } = [];
    public IReadOnlyDictionary<string, Organization.Contracts.DepartmentInfo> Departments { get; private set; } = new Dictionary<string, Organization.Contracts.DepartmentInfo>();

    public async Task OnGetAsync(CancellationToken ct)
    {
        Departments = await labels.DepartmentsAsync(ct);
        if (Indicator is not null)
            Chosen = IndicatorRegistry.FindItem(Indicator) ?? throw new DomainException(new DomainError("statistics.indicator",
                "没有这个事项指标", "There is no such item indicator", ErrorKind.BadRequest, "indicator"));
        var (_, items) = await figures.ItemsAsync(Department, User, ct);
        if (Chosen is not null)
        {
            Behind = [.. items.Where(Chosen.Behind).OrderBy(i => i.Name, StringComparer.Ordinal)];
            return;
        }
        Totals = [.. IndicatorRegistry.Items.Select(i => i.Of(items).Value)];
        ByDepartment = [.. items.GroupBy(i => i.DepartmentCreditCode)
            .Select(g => (g.Key, Name(g.Key), (IReadOnlyList<decimal?>)[.. IndicatorRegistry.Items.Select(i => i.Of([.. g]).Value)]))
            .OrderBy(r => r.Item2.Zh, StringComparer.Ordinal)];
    }

    public (string Zh, string En) Name(string code) =>
        Departments.TryGetValue(code, out var d) ? (d.Name, d.NameEn ?? d.Name) : Labels.NotStated;

    public static string Figure(decimal? value, ItemIndicator indicator) =>
        value is null || indicator.Unit == Unit.Percent ? Indicators.Indicator.Percent(value) : indicator.Unit == Unit.WorkingDays && indicator.Denominator is not null ? $"{value:0.0}" : $"{value:N0}";
}
