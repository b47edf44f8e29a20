using Tongban.Catalog.Domain;
using Tongban.Kernel.Identifiers;

namespace Tongban.Catalog.Search;

/// <summary>One implementation of an item, as the index keeps it: the unit of filters, places and links.</summary>
internal sealed record SearchDocument(
    Guid ItemId, string ImplementationCode, string BasicCode, string Name, string? Summary, string DepartmentCreditCode, string DepartmentName,
    Subjects Subjects, int OnlineDepth, int Trips, ItemType Type, ExerciseLevel Level, string DivisionCode, ItemStatus Status,
    IReadOnlyList<string> Themes, IReadOnlyList<string> LifeEvents)
{
    /// <summary>The county-level place the item is handled in (see <see cref="Places"/>).</summary>
    public string Place { get; } = Places.Of(DivisionCode);
}

/// <summary>A life event (一件事) as the index keeps it: found by its name and summary like an item.</summary>
internal sealed record LifeEventDocument(string Code, string Name, string? Summary, Subjects Subjects);

/// <summary>
/// What narrows the results. <see cref="Place"/> is the place facet: a county-level place (a county's code takes its
/// townships and villages with it) or the city's code for the items handled at city level.
/// </summary>
internal sealed record SearchFilter(Subjects? Subject = null, string? Department = null, string? Theme = null, ExerciseLevel? Level = null, string? DivisionPrefix = null, string? Place = null)
{
    public static readonly SearchFilter None = new();

    public bool IsNone => this == None;

    /// <summary>Only a subject filter applies to life events; any other filter is about implementations.</summary>
    public bool AcceptsLifeEvents => Department is null && Theme is null && Level is null && DivisionPrefix is null && Place is null;

    public SearchFilter WithoutPlace => Place is null ? this : this with { Place = null };

    public bool Accepts(SearchDocument d) =>
        (Subject is not { } s || (d.Subjects & s) != 0)
        && (Department is null || d.DepartmentCreditCode == Department)
        && (Theme is null || d.Themes.Contains(Theme))
        && (Level is not { } l || d.Level == l)
        && (DivisionPrefix is null || d.DivisionCode.StartsWith(DivisionPrefix, StringComparison.Ordinal))
        && (Place is null || d.Place == Place);

    public bool Accepts(LifeEventDocument e) => AcceptsLifeEvents && (Subject is not { } s || (e.Subjects & s) != 0);
}

/// <summary>Places are county-level: a township or village item counts under its county, a city item under the city.</summary>
internal static class Places
{
    public static string Of(string divisionCode)
    {
        if (!DivisionCode.TryParse(divisionCode, out var code, out _)) return divisionCode;
        return code.Value.Level switch
        {
            DivisionLevel.Township or DivisionLevel.Village => code.Value.Value[..6] + "000000",
            _ => code.Value.Value,
        };
    }

    /// <summary>How near an implementation is to where the person is: 0 there, 1 inside it, 2 above it, 3 elsewhere.</summary>
    public static int Nearness(string divisionCode, string? home)
    {
        if (home is null) return 3;
        if (divisionCode == home) return 0;
        var homePrefix = DivisionCode.TryParse(home, out var h, out _) ? h.Value.Prefix : home;
        if (divisionCode.StartsWith(homePrefix, StringComparison.Ordinal)) return 1;
        var prefix = DivisionCode.TryParse(divisionCode, out var d, out _) ? d.Value.Prefix : divisionCode;
        return home.StartsWith(prefix, StringComparison.Ordinal) ? 2 : 3;
    }
}

internal enum MatchKind
{
    /// <summary>Most of the query's words, not all of it as written: ranked below whole-query matches of the name.</summary>
    Partial = 1,

    /// <summary>The query is (in) the name of the department that handles the item (公安局, 民政局).</summary>
    Department = 2,
    Description = 3,
    Pinyin = 4,
    Name = 5,
}

/// <summary>
/// One result: a basic item with every implementation of it that passes the filter (nearest to the person first),
/// or a life event.
/// </summary>
internal sealed record SearchGroup(string Code, string Name, string? Summary, MatchKind Match, int Score, IReadOnlyList<SearchDocument> Implementations, LifeEventDocument? LifeEvent)
{
    public SearchDocument? Primary => Implementations.Count > 0 ? Implementations[0] : null;
}

/// <summary>The number of results that can be handled in a place (the place facet).</summary>
internal sealed record PlaceCount(string Code, string Name, int Count);

/// <summary>A page of results: <see cref="Total"/> results (items and life events), <see cref="Items"/> implementations among them.</summary>
internal sealed record SearchResult(string Query, int Total, int Items, IReadOnlyList<SearchGroup> Groups, IReadOnlyList<PlaceCount> Places);
