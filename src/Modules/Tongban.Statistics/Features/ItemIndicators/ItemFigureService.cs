using System.Security.Claims;
using Tongban.Catalog.Contracts;
using Tongban.Kernel.Errors;
using Tongban.Organization.Contracts;
using Tongban.Statistics.Features.Indicators;
using Tongban.Statistics.Features.QueryFigures;

namespace Tongban.Statistics.Features.ItemIndicators;

internal sealed record ItemFigureRow(string Key, string LabelZh, string LabelEn, long Numerator, long? Denominator, decimal? Value);

internal sealed record ItemFigureTable(ItemIndicator Indicator, string By, string? Department, IReadOnlyList<ItemFigureRow> Rows, ItemFigureRow Total);

/// <summary>
/// The item-side indicators over the catalog's items in effect (<see cref="ICatalogFigures"/>), by department, level or
/// division, in the reader's scope: a department head sees their department's items only, another department is not found.
/// </summary>
internal sealed class ItemFigureService(ICatalogFigures catalog, Labels labels, IOrganizationDirectory organization)
{
    public static readonly string[] Slicings = ["department", "level", "division"];

    /// <summary>The items a reader may count: all, or one department's (asked for, or the department head's own).</summary>
    public async Task<(string? Department, IReadOnlyList<ItemFigures> Items)> ItemsAsync(string? department, ClaimsPrincipal user, CancellationToken ct)
    {
        var scope = StatisticsScope.Of(user);
        var limited = scope.Limit(string.IsNullOrWhiteSpace(department) ? null : department.Trim());
        if (scope.Department is null) await labels.RequireDepartmentAsync(limited, ct);
        return (limited, await catalog.ListAsync(limited, ct));
    }

    public async Task<ItemFigureTable> ReadAsync(string? indicator, string? by, string? department, ClaimsPrincipal user, CancellationToken ct)
    {
        var found = IndicatorRegistry.FindItem(indicator);
        var slicing = string.IsNullOrEmpty(by) ? "department" : by;
        List<DomainError> errors = [];
        if (found is null) errors.Add(Bad("indicator", "没有这个事项指标", "There is no such item indicator"));
        if (!Slicings.Contains(slicing, StringComparer.Ordinal)) errors.Add(Bad("by", "分组方式只能是 department、level 或 division", "by must be department, level or division"));
        if (errors.Count > 0) throw new DomainException(errors);
        var (limited, items) = await ItemsAsync(department, user, ct);
        var divisions = slicing == "division" ? await organization.DivisionNamesAsync(ct) : null;
        List<ItemFigureRow> rows = [];
        foreach (var group in items.GroupBy(i => Key(i, slicing)))
        {
            var label = slicing switch
            {
                "level" => Level(group.Key),
                "division" => divisions!.TryGetValue(group.Key, out var name) ? (name, name) : Labels.NotStated,
                _ => await labels.DepartmentAsync(group.Key, ct),
            };
            rows.Add(Row(found!, group.Key, label, [.. group]));
        }
        return new ItemFigureTable(found!, slicing, limited, [.. rows.OrderByDescending(r => r.Value ?? -1)], Row(found!, "total", ("合计", "Total"), items));
    }

    private static ItemFigureRow Row(ItemIndicator indicator, string key, (string Zh, string En) label, IReadOnlyCollection<ItemFigures> items)
    {
        var (numerator, denominator, value) = indicator.Of(items);
        return new(key, label.Zh, label.En, numerator, denominator, value);
    }

    private static string Key(ItemFigures item, string by) => by switch
    {
        "level" => item.Level,
        "division" => item.DivisionCode,
        _ => item.DepartmentCreditCode,
    };

    public static (string Zh, string En) Level(string level) => level switch
    {
        "central" => ("中央级", "Central"),
        "province" => ("省级", "Province"),
        "city" => ("市级", "City"),
        "county" => ("县级", "County"),
        "township" => ("乡镇级", "Township"),
        "village" => ("村级", "Village"),
        _ => Labels.NotStated,
    };

    private static DomainError Bad(string field, string zh, string en) => new($"statistics.{field}", zh, en, ErrorKind.BadRequest, field);
}
