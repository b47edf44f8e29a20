using System.Collections.Frozen;
using Tongban.Catalog.Domain;

namespace Tongban.Catalog.Search;

/// <summary>One searchable item, as the index keeps it.</summary>
internal sealed record SearchDocument(
    Guid ItemId, string ImplementationCode, string Name, string? Summary, string DepartmentCreditCode, string DepartmentName,
    Subjects Subjects, int OnlineDepth, int Trips, ItemType Type, ExerciseLevel Level, string DivisionCode, ItemStatus Status,
    IReadOnlyList<string> Themes, IReadOnlyList<string> LifeEvents);

internal sealed record SearchFilter(Subjects? Subject = null, string? Department = null, string? Theme = null, ExerciseLevel? Level = null, string? DivisionPrefix = null)
{
    public static readonly SearchFilter None = new();

    public bool Accepts(SearchDocument d) =>
        (Subject is not { } s || (d.Subjects & s) != 0)
        && (Department is null || d.DepartmentCreditCode == Department)
        && (Theme is null || d.Themes.Contains(Theme))
        && (Level is not { } l || d.Level == l)
        && (DivisionPrefix is null || d.DivisionCode.StartsWith(DivisionPrefix, StringComparison.Ordinal));
}

internal enum MatchKind
{
    Description = 1,
    Pinyin = 2,
    Name = 3,
}

internal sealed record SearchHit(SearchDocument Document, MatchKind Match, int Score);

internal sealed record SearchResult(string Query, int Total, IReadOnlyList<SearchHit> Hits);

/// <summary>
/// An immutable in-memory index of the items in effect: postings of every character and character pair of the
/// normalised name and description, and of pinyin letter pairs. A query is expanded by synonyms, its candidates
/// are the intersection of its pairs' postings, and each candidate is confirmed by a plain substring test — so
/// the index finds exactly what a substring search finds, and ranks name matches above description matches.
/// </summary>
internal sealed class SearchIndex
{
    private readonly SearchDocument[] _documents;
    private readonly string[] _names;
    private readonly string[] _descriptions;
    private readonly string[] _pinyin;
    private readonly string[] _initials;
    private readonly FrozenDictionary<uint, int[]> _postings;
    private readonly FrozenDictionary<uint, int[]> _pinyinPostings;
    private readonly IReadOnlyList<IReadOnlyList<string>> _synonyms;

    public SearchIndex(IReadOnlyList<SearchDocument> documents, IReadOnlyList<IReadOnlyList<string>> synonyms, Pinyin pinyin)
    {
        _documents = [.. documents];
        _names = [.. documents.Select(d => SearchText.Normalize(d.Name))];
        _descriptions = [.. documents.Select(d => SearchText.Normalize(d.Summary))];
        _pinyin = [.. documents.Select(d => pinyin.Full(d.Name))];
        _initials = [.. documents.Select(d => pinyin.Initials(d.Name))];
        _synonyms = [.. synonyms.Select(g => (IReadOnlyList<string>)[.. g.Select(t => SearchText.Normalize(t)).Where(t => t.Length > 0)])];
        var postings = new Dictionary<uint, List<int>>();
        var pinyinPostings = new Dictionary<uint, List<int>>();
        for (var i = 0; i < _documents.Length; i++)
        {
            AddGrams(postings, i, _names[i], _descriptions[i]);
            AddGrams(pinyinPostings, i, _pinyin[i], _initials[i]);
        }
        _postings = postings.ToFrozenDictionary(p => p.Key, p => p.Value.ToArray());
        _pinyinPostings = pinyinPostings.ToFrozenDictionary(p => p.Key, p => p.Value.ToArray());
    }

    public int Count => _documents.Length;

    public SearchResult Search(string? query, SearchFilter filter, int skip, int take)
    {
        var (q, matches) = Match(query, filter);
        var page = matches
            .OrderByDescending(h => h.Value.Score)
            .ThenBy(h => _documents[h.Key].Name.Length)
            .ThenBy(h => _documents[h.Key].Name, StringComparer.Ordinal)
            .Skip(Math.Max(0, skip)).Take(Math.Clamp(take, 0, 100))
            .Select(h => new SearchHit(_documents[h.Key], h.Value.Kind, h.Value.Score)).ToList();
        return new SearchResult(q, matches.Count, page);
    }

    /// <summary>Every item a query finds, unranked: for recall checks against a plain substring search.</summary>
    public IReadOnlyCollection<Guid> FindAll(string? query) => [.. Match(query, SearchFilter.None).Matches.Keys.Select(i => _documents[i].ItemId)];

    private (string Query, Dictionary<int, (MatchKind Kind, int Score)> Matches) Match(string? query, SearchFilter filter)
    {
        var q = SearchText.Normalize(query, SearchText.MaxQueryLength);
        var best = new Dictionary<int, (MatchKind Kind, int Score)>();
        if (q.Length == 0) return (q, best);
        foreach (var alternative in Expand(q))
        {
            foreach (var doc in Candidates(_postings, alternative))
                Consider(best, doc, alternative, filter, pinyinOnly: false);
            if (SearchText.IsAscii(alternative) && alternative.All(char.IsAsciiLetter))
                foreach (var doc in Candidates(_pinyinPostings, alternative))
                    Consider(best, doc, alternative, filter, pinyinOnly: true);
        }
        return (q, best);
    }

    /// <summary>Items matching a filter without a query, by name: the portal's browse pages and lists.</summary>
    public (int Total, IReadOnlyList<SearchDocument> Page) Browse(SearchFilter filter, Func<SearchDocument, bool>? also, int skip, int take)
    {
        var matching = _documents.Where(d => filter.Accepts(d) && (also is null || also(d))).ToList();
        var page = matching.OrderBy(d => d.Name, StringComparer.Ordinal).ThenBy(d => d.ImplementationCode, StringComparer.Ordinal)
            .Skip(Math.Max(0, skip)).Take(Math.Clamp(take, 0, 100)).ToList();
        return (matching.Count, page);
    }

    /// <summary>Every theme and department present, with the number of items: the browse page's facets.</summary>
    public IReadOnlyList<(string Key, string Label, int Count)> Facets(Func<SearchDocument, IEnumerable<(string Key, string Label)>> of) =>
        _documents.SelectMany(of).GroupBy(x => x.Key).Select(g => (g.Key, g.First().Label, g.Count()))
            .OrderByDescending(x => x.Item3).ThenBy(x => x.Key, StringComparer.Ordinal).ToList();

    /// <summary>The query and every synonym substitution of it (身份证 → 居民身份证 and back).</summary>
    private HashSet<string> Expand(string q)
    {
        var alternatives = new HashSet<string>(StringComparer.Ordinal) { q };
        foreach (var group in _synonyms)
            foreach (var term in group.Where(t => q.Contains(t, StringComparison.Ordinal)))
                foreach (var other in group.Where(o => o != term))
                    alternatives.Add(q.Replace(term, other, StringComparison.Ordinal));
        return alternatives;
    }

    private void Consider(Dictionary<int, (MatchKind Kind, int Score)> best, int doc, string q, SearchFilter filter, bool pinyinOnly)
    {
        var d = _documents[doc];
        if (d.Status == ItemStatus.Abolished || !filter.Accepts(d)) return;
        (MatchKind Kind, int Score)? match = null;
        if (!pinyinOnly)
        {
            var name = _names[doc];
            if (name == q) match = (MatchKind.Name, 1000);
            else if (name.StartsWith(q, StringComparison.Ordinal)) match = (MatchKind.Name, 800);
            else if (name.Contains(q, StringComparison.Ordinal)) match = (MatchKind.Name, 600);
            else if (_descriptions[doc].Contains(q, StringComparison.Ordinal)) match = (MatchKind.Description, 200);
        }
        else if (_initials[doc] == q || _pinyin[doc] == q) match = (MatchKind.Pinyin, 500);
        else if (_initials[doc].Contains(q, StringComparison.Ordinal) || _pinyin[doc].Contains(q, StringComparison.Ordinal)) match = (MatchKind.Pinyin, 400);
        if (match is { } m && (!best.TryGetValue(doc, out var current) || current.Score < m.Score)) best[doc] = m;
    }

    /// <summary>Documents that contain every character pair of <paramref name="q"/> (or its one character).</summary>
    private IEnumerable<int> Candidates(FrozenDictionary<uint, int[]> postings, string q)
    {
        if (q.Length == 1)
            return postings.TryGetValue(q[0], out var single) ? single : Enumerable.Range(0, _documents.Length);
        var lists = new List<int[]>();
        for (var i = 0; i + 1 < q.Length; i++)
        {
            if (!postings.TryGetValue(Pair(q[i], q[i + 1]), out var list)) return [];
            lists.Add(list);
        }
        lists.Sort((a, b) => a.Length.CompareTo(b.Length));
        return lists[0].Where(doc => lists.Skip(1).All(l => Array.BinarySearch(l, doc) >= 0));
    }

    private static void AddGrams(Dictionary<uint, List<int>> postings, int doc, params string[] fields)
    {
        var grams = new HashSet<uint>();
        foreach (var text in fields)
        {
            for (var i = 0; i < text.Length; i++)
            {
                if (!char.IsAscii(text[i])) grams.Add(text[i]);
                if (i + 1 < text.Length) grams.Add(Pair(text[i], text[i + 1]));
            }
        }
        foreach (var gram in grams)
        {
            if (!postings.TryGetValue(gram, out var list)) postings[gram] = list = [];
            list.Add(doc);
        }
    }

    // A pair never collides with a single character: a single character's key is below 0x10000, a pair's
    // first character is shifted above it, and the pair (U+0000, x) cannot occur in normalised text.
    private static uint Pair(char a, char b) => ((uint)a << 16) | b;
}
