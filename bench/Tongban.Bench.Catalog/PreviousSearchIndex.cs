using System.Collections.Concurrent;
using System.Collections.Frozen;
using Tongban.Catalog.Search;

namespace Tongban.Bench.Catalog;

/// <summary>
/// The search index as it was before results were grouped by basic item (commit 47ccac2), cut down to the path a
/// Latin query took: the "before" of the short-Latin-query benchmark, measured in the same run as the index of today.
/// Not product code: kept only so the comparison can be repeated.
/// </summary>
internal sealed class PreviousSearchIndex
{
    private readonly string[] _names;
    private readonly string[] _descriptions;
    private readonly string[] _pinyin;
    private readonly string[] _initials;
    private readonly FrozenDictionary<uint, int[]> _namePostings;
    private readonly FrozenDictionary<uint, int[]> _descriptionPostings;
    private readonly FrozenDictionary<uint, int[]> _pinyinPostings;
    private readonly IReadOnlyList<IReadOnlyList<string>> _synonyms;
    private readonly ConcurrentBag<int[]> _scorePool = [];

    public PreviousSearchIndex(IReadOnlyList<SearchDocument> documents, IReadOnlyList<IReadOnlyList<string>> synonyms, Pinyin pinyin)
    {
        var ordered = documents.OrderBy(d => d.Name.Length).ThenBy(d => d.Name, StringComparer.Ordinal).ThenBy(d => d.ImplementationCode, StringComparer.Ordinal).ToArray();
        _names = [.. ordered.Select(d => SearchText.Normalize(d.Name))];
        _descriptions = [.. ordered.Select(d => SearchText.Normalize(d.Summary))];
        _pinyin = [.. ordered.Select(d => pinyin.Full(d.Name))];
        _initials = [.. ordered.Select(d => pinyin.Initials(d.Name))];
        _synonyms = [.. synonyms.Select(g => (IReadOnlyList<string>)[.. g.Select(t => SearchText.Normalize(t)).Where(t => t.Length > 0)])];
        var names = new Dictionary<uint, List<int>>();
        var descriptions = new Dictionary<uint, List<int>>();
        var pinyinPostings = new Dictionary<uint, List<int>>();
        for (var i = 0; i < ordered.Length; i++)
        {
            AddGrams(names, i, _names[i]);
            AddGrams(descriptions, i, _descriptions[i]);
            AddGrams(pinyinPostings, i, _pinyin[i], _initials[i]);
        }
        _namePostings = names.ToFrozenDictionary(p => p.Key, p => p.Value.ToArray());
        _descriptionPostings = descriptions.ToFrozenDictionary(p => p.Key, p => p.Value.ToArray());
        _pinyinPostings = pinyinPostings.ToFrozenDictionary(p => p.Key, p => p.Value.ToArray());
    }

    /// <summary>The total and the first page of documents, best first, as the previous index ranked them.</summary>
    public (int Total, List<int> Page) Search(string query, int skip, int take)
    {
        var q = SearchText.Normalize(query, SearchText.MaxQueryLength);
        var scores = _scorePool.TryTake(out var pooled) ? pooled : new int[_names.Length];
        var hits = new List<int>();
        try
        {
            if (q.Length > 0)
                foreach (var alternative in Expand(q)) Match(alternative, scores, hits);
            return (hits.Count, Top(scores, hits, skip + take).Skip(skip).ToList());
        }
        finally
        {
            foreach (var doc in hits) scores[doc] = 0;
            _scorePool.Add(scores);
        }
    }

    private void Match(string alternative, int[] scores, List<int> hits)
    {
        var exact = alternative.Length == 2 || (alternative.Length == 1 && !char.IsAscii(alternative[0]));
        foreach (var doc in Candidates(_namePostings, alternative))
            if (exact || _names[doc].Contains(alternative, StringComparison.Ordinal))
                Record(scores, hits, doc, 3, _names[doc].Length == alternative.Length ? 1000 : _names[doc].StartsWith(alternative, StringComparison.Ordinal) ? 800 : 600);
        foreach (var doc in Candidates(_descriptionPostings, alternative))
            if (exact || _descriptions[doc].Contains(alternative, StringComparison.Ordinal))
                Record(scores, hits, doc, 1, 200);
        if (SearchText.IsAscii(alternative) && alternative.All(char.IsAsciiLetter))
            foreach (var doc in Candidates(_pinyinPostings, alternative))
            {
                if (_initials[doc] == alternative || _pinyin[doc] == alternative) Record(scores, hits, doc, 2, 500);
                else if (_initials[doc].Contains(alternative, StringComparison.Ordinal) || _pinyin[doc].Contains(alternative, StringComparison.Ordinal)) Record(scores, hits, doc, 2, 400);
            }
    }

    private static void Record(int[] scores, List<int> hits, int doc, int kind, int score)
    {
        var packed = (score << 4) | kind;
        if (scores[doc] == 0) hits.Add(doc);
        if (packed > scores[doc]) scores[doc] = packed;
    }

    private static List<int> Top(int[] scores, List<int> hits, int count)
    {
        if (count <= 0) return [];
        int Rank(int a, int b)
        {
            var byScore = (scores[b] >> 4).CompareTo(scores[a] >> 4);
            return byScore != 0 ? byScore : a.CompareTo(b);
        }
        var heap = new PriorityQueue<int, int>(count + 1, Comparer<int>.Create((a, b) => Rank(b, a)));
        foreach (var doc in hits)
        {
            if (heap.Count == count)
            {
                if (Rank(doc, heap.Peek()) >= 0) continue;
                heap.Dequeue();
            }
            heap.Enqueue(doc, doc);
        }
        var best = new List<int>(heap.Count);
        while (heap.Count > 0) best.Add(heap.Dequeue());
        best.Reverse();
        return best;
    }

    private HashSet<string> Expand(string q)
    {
        var alternatives = new HashSet<string>(StringComparer.Ordinal) { q };
        foreach (var group in _synonyms)
            foreach (var term in group.Where(t => q.Contains(t, StringComparison.Ordinal)))
                foreach (var other in group.Where(o => o != term))
                    alternatives.Add(q.Replace(term, other, StringComparison.Ordinal));
        return alternatives;
    }

    private int[] Candidates(FrozenDictionary<uint, int[]> postings, string q)
    {
        if (q.Length == 1)
            return postings.TryGetValue(q[0], out var single) ? single : char.IsAscii(q[0]) ? [.. Enumerable.Range(0, _names.Length)] : [];
        var lists = new List<int[]>(q.Length);
        for (var i = 0; i + 1 < q.Length; i++)
        {
            if (!postings.TryGetValue(((uint)q[i] << 16) | q[i + 1], out var list)) return [];
            lists.Add(list);
        }
        lists.Sort((a, b) => a.Length.CompareTo(b.Length));
        var result = lists[0];
        for (var l = 1; l < lists.Count && result.Length > 0; l++) result = [.. result.Intersect(lists[l])];
        return result;
    }

    private static void AddGrams(Dictionary<uint, List<int>> postings, int doc, params string[] fields)
    {
        var grams = new HashSet<uint>();
        foreach (var text in fields)
            for (var i = 0; i < text.Length; i++)
            {
                if (!char.IsAscii(text[i])) grams.Add(text[i]);
                if (i + 1 < text.Length) grams.Add(((uint)text[i] << 16) | text[i + 1]);
            }
        foreach (var gram in grams)
        {
            if (!postings.TryGetValue(gram, out var list)) postings[gram] = list = [];
            list.Add(doc);
        }
    }
}
