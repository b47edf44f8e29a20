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
    private readonly FrozenDictionary<uint, int[]> _namePostings;
    private readonly FrozenDictionary<uint, int[]> _descriptionPostings;
    private readonly FrozenDictionary<uint, int[]> _pinyinPostings;
    private readonly IReadOnlyList<IReadOnlyList<string>> _synonyms;
    private readonly System.Collections.Concurrent.ConcurrentBag<int[]> _scorePool = [];

    public SearchIndex(IReadOnlyList<SearchDocument> documents, IReadOnlyList<IReadOnlyList<string>> synonyms, Pinyin pinyin)
    {
        // Documents are numbered in tie-break order (shorter name, then name, then code), so that among hits of
        // equal score the lower number ranks first and ranking never compares strings.
        _documents = [.. documents.OrderBy(d => d.Name.Length).ThenBy(d => d.Name, StringComparer.Ordinal).ThenBy(d => d.ImplementationCode, StringComparer.Ordinal)];
        _names = [.. _documents.Select(d => SearchText.Normalize(d.Name))];
        _descriptions = [.. _documents.Select(d => SearchText.Normalize(d.Summary))];
        _pinyin = [.. _documents.Select(d => pinyin.Full(d.Name))];
        _initials = [.. _documents.Select(d => pinyin.Initials(d.Name))];
        _synonyms = [.. synonyms.Select(g => (IReadOnlyList<string>)[.. g.Select(t => SearchText.Normalize(t)).Where(t => t.Length > 0)])];
        var names = new Dictionary<uint, List<int>>();
        var descriptions = new Dictionary<uint, List<int>>();
        var pinyinPostings = new Dictionary<uint, List<int>>();
        for (var i = 0; i < _documents.Length; i++)
        {
            AddGrams(names, i, _names[i]);
            AddGrams(descriptions, i, _descriptions[i]);
            AddGrams(pinyinPostings, i, _pinyin[i], _initials[i]);
        }
        _namePostings = names.ToFrozenDictionary(p => p.Key, p => p.Value.ToArray());
        _descriptionPostings = descriptions.ToFrozenDictionary(p => p.Key, p => p.Value.ToArray());
        _pinyinPostings = pinyinPostings.ToFrozenDictionary(p => p.Key, p => p.Value.ToArray());
    }

    public SearchResult Search(string? query, SearchFilter filter, int skip, int take)
    {
        skip = Math.Max(0, skip);
        take = Math.Clamp(take, 0, 100);
        var q = SearchText.Normalize(query, SearchText.MaxQueryLength);
        var alternatives = Expand(q);
        return ReferenceEquals(filter, SearchFilter.None) && q.Length > 0 && !SearchText.IsAscii(q) && alternatives.Count == 1
            ? SearchPlain(q, skip, take)
            : Ranked(q, alternatives, filter, skip, take);
    }

    /// <summary>
    /// A Chinese query without synonyms or filter: the confirmed candidates of each field are in rank order, so
    /// the total is the size of the union of the name and description hits, and the page is read off their
    /// fronts, without scoring every hit. Gives the same answer as <see cref="SearchGeneral"/>, much faster for
    /// broad queries.
    /// </summary>
    internal SearchResult SearchPlain(string q, int skip, int take)
    {
        var names = Confirmed(Candidates(_namePostings, q), _names, q);
        var descriptions = Confirmed(Candidates(_descriptionPostings, q), _descriptions, q);
        var count = skip + take;
        var exact = new List<int>();
        var prefix = new List<int>();
        var within = new List<int>();
        foreach (var doc in names)
        {
            if (_documents[doc].Status == ItemStatus.Abolished) continue;
            var name = _names[doc];
            var tier = name.Length == q.Length ? exact : name.StartsWith(q, StringComparison.Ordinal) ? prefix : within;
            if (tier.Count < count) tier.Add(doc);
            if (within.Count >= count && prefix.Count >= count && exact.Count >= count) break;
        }
        var page = new List<SearchHit>(count);
        void Take(List<int> tier, MatchKind kind, int score)
        {
            foreach (var doc in tier)
                if (page.Count < count) page.Add(new SearchHit(_documents[doc], kind, score));
        }
        Take(exact, MatchKind.Name, 1000);
        Take(prefix, MatchKind.Name, 800);
        Take(within, MatchKind.Name, 600);
        foreach (var doc in descriptions)
        {
            if (page.Count >= count) break;
            if (_documents[doc].Status != ItemStatus.Abolished && Array.BinarySearch(names, doc) < 0)
                page.Add(new SearchHit(_documents[doc], MatchKind.Description, 200));
        }
        return new SearchResult(q, UnionCount(names, descriptions), page.Skip(skip).ToList());
    }

    /// <summary>The size of the union of two ascending lists, not counting abolished items.</summary>
    private int UnionCount(int[] a, int[] b)
    {
        int i = 0, j = 0, count = 0;
        while (i < a.Length || j < b.Length)
        {
            int doc;
            if (j >= b.Length || (i < a.Length && a[i] < b[j])) doc = a[i++];
            else if (i >= a.Length || b[j] < a[i]) doc = b[j++];
            else { doc = a[i++]; j++; }
            if (_documents[doc].Status != ItemStatus.Abolished) count++;
        }
        return count;
    }

    /// <summary>Candidates that really contain <paramref name="q"/>; postings of one character or one pair already do.</summary>
    private static int[] Confirmed(int[] candidates, string[] texts, string q) =>
        q.Length <= 2 ? candidates : [.. candidates.Where(doc => texts[doc].Contains(q, StringComparison.Ordinal))];

    /// <summary>Any query: every candidate scored, the first page taken with a bounded heap.</summary>
    internal SearchResult SearchGeneral(string? query, SearchFilter filter, int skip, int take)
    {
        var q = SearchText.Normalize(query, SearchText.MaxQueryLength);
        return Ranked(q, Expand(q), filter, skip, take);
    }

    private SearchResult Ranked(string q, HashSet<string> alternatives, SearchFilter filter, int skip, int take)
    {
        using var matches = Match(q, alternatives, filter);
        var page = Top(matches, skip + take).Skip(skip)
            .Select(doc => new SearchHit(_documents[doc], (MatchKind)(matches.Scores[doc] & 0xF), matches.Scores[doc] >> 4)).ToList();
        return new SearchResult(matches.Query, matches.Hits.Count, page);
    }

    /// <summary>Every item a query finds, unranked: for recall checks against a plain substring search.</summary>
    public IReadOnlyCollection<Guid> FindAll(string? query)
    {
        var q = SearchText.Normalize(query, SearchText.MaxQueryLength);
        using var matches = Match(q, Expand(q), SearchFilter.None);
        return [.. matches.Hits.Select(i => _documents[i].ItemId)];
    }

    /// <summary>The first <paramref name="count"/> hits by rank, without sorting every hit: a bounded heap keeps the best.</summary>
    private static List<int> Top(Matches matches, int count)
    {
        var heap = new PriorityQueue<int, int>(count + 1, Comparer<int>.Create((a, b) => Rank(matches, b, a)));
        if (count == 0) return [];
        foreach (var doc in matches.Hits)
        {
            if (heap.Count == count)
            {
                if (Rank(matches, doc, heap.Peek()) >= 0) continue; // no better than the worst kept
                heap.Dequeue();
            }
            heap.Enqueue(doc, doc);
        }
        var best = new List<int>(heap.Count);
        while (heap.Count > 0) best.Add(heap.Dequeue());
        best.Reverse();
        return best;
    }

    /// <summary>Negative when <paramref name="a"/> ranks before <paramref name="b"/>: higher score, then the lower number.</summary>
    private static int Rank(Matches matches, int a, int b)
    {
        var byScore = (matches.Scores[b] >> 4).CompareTo(matches.Scores[a] >> 4);
        return byScore != 0 ? byScore : a.CompareTo(b);
    }

    /// <summary>The hits of one query: a score per document (rank << 4 | match kind) in a pooled array, and the list of hit documents.</summary>
    private sealed class Matches : IDisposable
    {
        private readonly System.Collections.Concurrent.ConcurrentBag<int[]> _pool;

        public Matches(string query, System.Collections.Concurrent.ConcurrentBag<int[]> pool, int size)
        {
            Query = query;
            _pool = pool;
            // Arrays of the index's own size, kept by the index and returned all zero: no large allocation per query.
            Scores = pool.TryTake(out var scores) ? scores : new int[Math.Max(1, size)];
        }

        public string Query { get; }
        public int[] Scores { get; }
        public List<int> Hits { get; } = [];

        public void Record(int doc, MatchKind kind, int score)
        {
            var packed = (score << 4) | (int)kind;
            if (Scores[doc] == 0) Hits.Add(doc);
            if (packed > Scores[doc]) Scores[doc] = packed;
        }

        public void Dispose()
        {
            foreach (var doc in Hits) Scores[doc] = 0;
            _pool.Add(Scores);
        }
    }

    /// <summary>Scores every document that holds the normalised query or one of its synonym alternatives.</summary>
    private Matches Match(string q, HashSet<string> alternatives, SearchFilter filter)
    {
        var matches = new Matches(q, _scorePool, _documents.Length);
        if (q.Length == 0) return matches;
        foreach (var alternative in alternatives)
        {
            // Postings of one CJK character or of one pair are exact; longer queries, and a single ASCII character
            // (not indexed alone), are confirmed by a substring test.
            var exact = alternative.Length == 2 || (alternative.Length == 1 && !char.IsAscii(alternative[0]));
            foreach (var doc in Candidates(_namePostings, alternative))
                if (Accepts(doc, filter) && (exact || _names[doc].Contains(alternative, StringComparison.Ordinal)))
                    matches.Record(doc, MatchKind.Name, _names[doc].Length == alternative.Length ? 1000 : _names[doc].StartsWith(alternative, StringComparison.Ordinal) ? 800 : 600);
            foreach (var doc in Candidates(_descriptionPostings, alternative))
                if (Accepts(doc, filter) && (exact || _descriptions[doc].Contains(alternative, StringComparison.Ordinal)))
                    matches.Record(doc, MatchKind.Description, 200);
            if (SearchText.IsAscii(alternative) && alternative.All(char.IsAsciiLetter))
                foreach (var doc in Candidates(_pinyinPostings, alternative))
                    if (Accepts(doc, filter))
                        ConsiderPinyin(matches, doc, alternative);
        }
        return matches;
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

    private bool Accepts(int doc, SearchFilter filter) =>
        _documents[doc].Status != ItemStatus.Abolished && (ReferenceEquals(filter, SearchFilter.None) || filter.Accepts(_documents[doc]));

    private void ConsiderPinyin(Matches matches, int doc, string q)
    {
        if (_initials[doc] == q || _pinyin[doc] == q) matches.Record(doc, MatchKind.Pinyin, 500);
        else if (_initials[doc].Contains(q, StringComparison.Ordinal) || _pinyin[doc].Contains(q, StringComparison.Ordinal)) matches.Record(doc, MatchKind.Pinyin, 400);
    }

    /// <summary>Documents that contain every character pair of <paramref name="q"/> (or its one character), in ascending order.</summary>
    private int[] Candidates(FrozenDictionary<uint, int[]> postings, string q)
    {
        if (q.Length == 1)
            return postings.TryGetValue(q[0], out var single) ? single
                : char.IsAscii(q[0]) ? [.. Enumerable.Range(0, _documents.Length)] // single ASCII characters are not indexed alone
                : [];
        var lists = new List<int[]>(q.Length);
        for (var i = 0; i + 1 < q.Length; i++)
        {
            if (!postings.TryGetValue(Pair(q[i], q[i + 1]), out var list)) return [];
            lists.Add(list);
        }
        if (lists.Count == 1) return lists[0];
        lists.Sort((a, b) => a.Length.CompareTo(b.Length));
        var result = lists[0];
        for (var l = 1; l < lists.Count && result.Length > 0; l++) result = Intersect(result, lists[l]);
        return result;
    }

    /// <summary>Two ascending lists intersected: a merge when their sizes are close, binary searches into the longer otherwise.</summary>
    private static int[] Intersect(int[] shorter, int[] longer)
    {
        var result = new List<int>(shorter.Length);
        if ((long)shorter.Length * 16 < longer.Length)
        {
            foreach (var doc in shorter)
                if (Array.BinarySearch(longer, doc) >= 0) result.Add(doc);
        }
        else
        {
            for (int i = 0, j = 0; i < shorter.Length && j < longer.Length;)
            {
                if (shorter[i] < longer[j]) i++;
                else if (shorter[i] > longer[j]) j++;
                else { result.Add(shorter[i]); i++; j++; }
            }
        }
        return [.. result];
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
