namespace Tongban.Catalog.Search;

internal sealed partial class SearchIndex
{
    public const int MaxTake = 100;

    /// <summary>
    /// A page of results for <paramref name="query"/>: basic items and life events, best first; each item with its
    /// implementations that pass the filter, those nearest <paramref name="home"/> (a division code) first.
    /// </summary>
    public SearchResult Search(string? query, SearchFilter filter, int skip, int take, string? home = null)
    {
        var plan = _vocabulary.Plan(SearchText.Normalize(query, SearchText.MaxQueryLength));
        var s = Rent();
        try
        {
            Match(plan, s, wholeOnly: false);
            return Rank(plan, s, filter, Math.Max(0, skip), Math.Clamp(take, 0, MaxTake), home);
        }
        finally
        {
            Return(s);
        }
    }

    /// <summary>Every implementation the query matches whole, unranked: for recall checks against a plain substring search.</summary>
    public IReadOnlyCollection<Guid> FindAll(string? query)
    {
        var plan = _vocabulary.Plan(SearchText.Normalize(query, SearchText.MaxQueryLength));
        var s = Rent();
        s.TrackTexts = true;
        try
        {
            Match(plan, s, wholeOnly: true);
            var found = new HashSet<Guid>();
            foreach (var text in s.Hits)
                foreach (var d in _groups[_groupOf[text]].Documents.Where(d => d.Name == _displayNames[text] && d.Summary == _summaries[text]))
                    found.Add(d.ItemId);
            return found;
        }
        finally
        {
            Return(s);
        }
    }

    /// <summary>How the plan reads a query: for the admin page and tests.</summary>
    public QueryPlan Plan(string? query) => _vocabulary.Plan(SearchText.Normalize(query, SearchText.MaxQueryLength));

    private SearchResult Rank(QueryPlan plan, Scratch s, SearchFilter filter, int skip, int take, string? home)
    {
        // The place facet counts results as if no place were chosen, so a person can move from one place to another.
        var facetFilter = filter.WithoutPlace;
        var matched = facetFilter.IsNone ? s.GroupsSeen : s.GroupsSeen.Where(g => Passes(_groups[g], facetFilter)).ToList();
        var places = PlaceCounts(matched, facetFilter);
        var results = filter.Place is null ? matched : matched.Where(g => _groups[g].Documents.Any(filter.Accepts)).ToList();
        var items = results.Sum(g => filter.IsNone ? _groups[g].Documents.Length : _groups[g].Documents.Count(filter.Accepts));
        var page = skip >= results.Count ? [] : Top(results, s, skip + Math.Min(take, results.Count - skip)).Skip(skip)
            .Select(g => Result(g, s, filter, home)).ToList();
        return new SearchResult(plan.Text, results.Count, items, page, places);
    }

    private static bool Passes(ResultGroup group, SearchFilter filter) =>
        group.LifeEvent is { } e ? filter.Accepts(e) : filter.IsNone || group.Documents.Any(filter.Accepts);

    /// <summary>The first <paramref name="count"/> groups by rank, without sorting them all: a bounded heap keeps the best.</summary>
    private static List<int> Top(List<int> groups, Scratch s, int count)
    {
        if (count <= 0) return [];
        var order = Comparer<int>.Create((a, b) => Before(s, b, a));
        var heap = new PriorityQueue<int, int>(count + 1, order);
        foreach (var g in groups)
        {
            if (heap.Count == count)
            {
                if (Before(s, g, heap.Peek()) >= 0) continue; // no better than the worst kept
                heap.Dequeue();
            }
            heap.Enqueue(g, g);
        }
        var best = new List<int>(heap.Count);
        while (heap.Count > 0) best.Add(heap.Dequeue());
        best.Reverse();
        return best;
    }

    /// <summary>Negative when group <paramref name="a"/> ranks before <paramref name="b"/>: higher score, then the lower-numbered best text.</summary>
    private static int Before(Scratch s, int a, int b)
    {
        var byScore = (s.GroupScore[b] >> 4).CompareTo(s.GroupScore[a] >> 4);
        return byScore != 0 ? byScore : s.GroupBest[a].CompareTo(s.GroupBest[b]);
    }

    private SearchGroup Result(int g, Scratch s, SearchFilter filter, string? home)
    {
        var group = _groups[g];
        var best = s.GroupBest[g];
        var documents = filter.IsNone ? group.Documents : group.Documents.Where(filter.Accepts).ToArray();
        // Stable: among equally near implementations the default order (level, division) holds.
        IReadOnlyList<SearchDocument> ordered = home is null ? documents : [.. documents.OrderBy(d => Places.Nearness(d.DivisionCode, home))];
        return new SearchGroup(group.Code, _displayNames[best], _summaries[best], (MatchKind)(s.GroupScore[g] & 0xF), s.GroupScore[g] >> 4, ordered, group.LifeEvent);
    }

    /// <summary>For each place, how many of the results can be handled there.</summary>
    private List<PlaceCount> PlaceCounts(List<int> groups, SearchFilter filter)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var g in groups)
        {
            var places = filter.IsNone ? _groups[g].Places : _groups[g].Documents.Where(filter.Accepts).Select(d => d.Place).Distinct();
            foreach (var place in places) counts[place] = counts.GetValueOrDefault(place) + 1;
        }
        return [.. counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => new PlaceCount(c.Key, _placeNames.GetValueOrDefault(c.Key, c.Key), c.Value))];
    }

    private Scratch Rent() => _scratch.TryTake(out var s) ? s : new Scratch(_names.Length, _groups.Length);

    private void Return(Scratch s)
    {
        s.Reset();
        _scratch.Add(s);
    }
}
