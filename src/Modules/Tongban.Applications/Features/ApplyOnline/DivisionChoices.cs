using Tongban.Kernel.Identifiers;
using Tongban.Organization.Contracts;

namespace Tongban.Applications.Features.ApplyOnline;

/// <summary>
/// The region's divisions in force, as a form offers them without JavaScript: one list grouped by county (the city and
/// its own offices first), each by its full name (铁岭县新台子镇懿路村), so a browser's type-to-find works. With JavaScript,
/// /js/forms.js turns the list into cascading selects (city → county → township → village).
/// </summary>
internal sealed record DivisionChoices(IReadOnlyList<DivisionChoices.Group> Groups)
{
    public sealed record Choice(string Code, string Name);

    public sealed record Group(string Name, IReadOnlyList<Choice> Divisions);

    public static async Task<DivisionChoices> LoadAsync(IOrganizationDirectory organization, DateOnly today, CancellationToken ct)
    {
        var names = await organization.DivisionNamesAsync(ct);
        var all = await organization.ListDivisionsAsync(ct);
        var current = all.Where(d => d.Level >= (int)DivisionLevel.City && (d.ValidTo is null || d.ValidTo > today)).ToList();
        var counties = current.Where(d => d.Level == (int)DivisionLevel.County).ToDictionary(d => d.Code[..6]);
        var cities = current.Where(d => d.Level == (int)DivisionLevel.City).ToDictionary(d => d.Code[..4]);
        var groups = current.GroupBy(d => counties.GetValueOrDefault(d.Code[..6])?.Name ?? cities.GetValueOrDefault(d.Code[..4])?.Name ?? d.Name)
            .Select(g => new Group(g.Key, [.. g.OrderBy(d => d.Code).Select(d => new Choice(d.Code, names.GetValueOrDefault(d.Code) ?? d.Name))]))
            .ToList();
        return new DivisionChoices(groups);
    }
}
