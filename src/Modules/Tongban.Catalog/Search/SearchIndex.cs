using System.Collections.Concurrent;
using System.Collections.Frozen;
using Tongban.Catalog.Domain;

namespace Tongban.Catalog.Search;

/// <summary>
/// An immutable in-memory index of the items in effect and the life events. Text is matched per distinct text (an
/// item's name and summary, the same in every place that implements it), results are grouped by basic item with
/// its implementations as places, and life events are results of their own (ADR 0008). Matching is in
/// <c>SearchIndex.Match.cs</c>, grouping and ranking in <c>SearchIndex.Rank.cs</c>, browsing in <c>SearchIndex.Browse.cs</c>.
/// </summary>
internal sealed partial class SearchIndex
{
    /// <summary>One result before a query: a basic item (its implementations in the default order) or a life event.</summary>
    private sealed record ResultGroup(string Code, SearchDocument[] Documents, LifeEventDocument? LifeEvent, string[] Places);

    private readonly SearchDocument[] _documents;
    private readonly ResultGroup[] _groups;
    private readonly string[] _displayNames;
    private readonly string?[] _summaries;
    private readonly string[] _names;
    private readonly string[] _descriptions;
    private readonly string[] _departments;
    private readonly string[] _pinyin;
    private readonly string[] _initials;
    private readonly int[] _groupOf;

    // Lengths and first characters kept apart from the strings: a broad query decides most hits from these arrays
    // alone, without reading hundreds of thousands of strings scattered in memory.
    private readonly int[] _nameLengths;
    private readonly char[] _firstCharacters;
    private readonly int[] _initialsLengths;
    private readonly bool[] _secondary;
    private readonly GramPostings _namePostings;
    private readonly GramPostings _descriptionPostings;
    private readonly GramPostings _departmentPostings;
    private readonly GramPostings _pinyinPostings;
    private readonly SearchVocabulary _vocabulary;
    private readonly FrozenDictionary<string, string> _placeNames;
    private readonly FrozenDictionary<string, string> _divisionNames;
    private readonly ConcurrentBag<Scratch> _scratch = [];

    public SearchIndex(IReadOnlyList<SearchDocument> documents, IReadOnlyList<IReadOnlyList<string>> synonyms, Pinyin pinyin,
        IReadOnlyList<LifeEventDocument>? lifeEvents = null, IReadOnlyDictionary<string, string>? divisionNames = null)
    {
        _documents = [.. documents.Where(d => d.Status != ItemStatus.Abolished)];
        _groups = [.. Groups(_documents, lifeEvents ?? [])];
        // Texts are numbered in tie-break order (shorter name, then name, then code), so that among hits of equal
        // score the lower number ranks first and ranking never compares strings.
        var entries = _groups.SelectMany((g, i) => g.LifeEvent is { } e ? [(Group: i, e.Name, e.Summary)]
                : g.Documents.Select(d => (Group: i, d.Name, d.Summary)).Distinct())
            .OrderBy(x => x.Name.Length).ThenBy(x => x.Name, StringComparer.Ordinal).ThenBy(x => _groups[x.Group].Code, StringComparer.Ordinal)
            .ThenBy(x => x.Summary, StringComparer.Ordinal).ToArray();
        _groupOf = [.. entries.Select(x => x.Group)];
        _displayNames = [.. entries.Select(x => x.Name)];
        _summaries = [.. entries.Select(x => x.Summary)];
        _names = [.. _displayNames.Select(n => SearchText.Normalize(n))];
        _descriptions = [.. _summaries.Select(s => SearchText.Normalize(s))];
        _pinyin = [.. _displayNames.Select(pinyin.Full)];
        _initials = [.. _displayNames.Select(pinyin.Initials)];
        _nameLengths = [.. _names.Select(n => n.Length)];
        _firstCharacters = [.. _names.Select(n => n.Length > 0 ? n[0] : '\0')];
        _initialsLengths = [.. _initials.Select(i => i.Length)];
        _secondary = [.. _names.Select(n => Words.Actions.Any(a => n.Contains(a, StringComparison.Ordinal)))];
        _namePostings = GramPostings.Build(entries.Length, i => [_names[i]]);
        _descriptionPostings = GramPostings.Build(entries.Length, i => [_descriptions[i]]);
        _pinyinPostings = GramPostings.Build(entries.Length, i => [_pinyin[i], _initials[i]]);
        _divisionNames = (divisionNames ?? new Dictionary<string, string>()).ToFrozenDictionary(StringComparer.Ordinal);
        var places = _documents.Select(d => d.Place).Distinct().ToList();
        _placeNames = places.ToFrozenDictionary(p => p, DivisionName, StringComparer.Ordinal);
        _vocabulary = new SearchVocabulary(synonyms, _placeNames.Values.Where(n => !n.All(char.IsAsciiDigit)), pinyin);
        // The department that handles the item at the highest level, without the place its name starts with (铁岭市公安局 → 公安局):
        // a place names no item.
        var placeNames = _placeNames.Values.Select(n => SearchText.Normalize(n)).OrderByDescending(n => n.Length).ToList();
        _departments = [.. _groupOf.Select(g => WithoutPlace(SearchText.Normalize(_groups[g].Documents.FirstOrDefault()?.DepartmentName), placeNames))];
        _departmentPostings = GramPostings.Build(entries.Length, i => [_departments[i]]);
    }

    private static string WithoutPlace(string department, List<string> placeNames) =>
        placeNames.FirstOrDefault(p => p.Length > 0 && department.StartsWith(p, StringComparison.Ordinal)) is { } place ? department[place.Length..] : department;

    /// <summary>A division's name (the organisation module's), for a place of an item.</summary>
    public string DivisionName(string code) => _divisionNames.GetValueOrDefault(code, code);

    /// <summary>How many distinct texts the index matches against (an item's name and summary count once however many places implement it).</summary>
    public int TextCount => _names.Length;

    private static IEnumerable<ResultGroup> Groups(SearchDocument[] documents, IReadOnlyList<LifeEventDocument> lifeEvents)
    {
        foreach (var basic in documents.GroupBy(d => d.BasicCode, StringComparer.Ordinal))
        {
            SearchDocument[] ordered = [.. basic.OrderBy(d => d.Level).ThenBy(d => d.DivisionCode, StringComparer.Ordinal).ThenBy(d => d.ImplementationCode, StringComparer.Ordinal)];
            yield return new ResultGroup(basic.Key, ordered, null, [.. ordered.Select(d => d.Place).Distinct()]);
        }
        foreach (var e in lifeEvents) yield return new ResultGroup(e.Code, [], e, []);
    }
}
