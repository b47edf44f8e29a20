using System.Collections.Frozen;

namespace Tongban.Catalog.Search;

/// <summary>
/// For every character and every pair of adjacent characters of a field, the ascending numbers of the texts that hold
/// it. The texts holding a query are among those holding all its pairs; for a query of one or two characters the
/// postings are the answer itself.
/// </summary>
internal sealed class GramPostings
{
    private readonly FrozenDictionary<uint, int[]> _postings;

    private GramPostings(FrozenDictionary<uint, int[]> postings) => _postings = postings;

    /// <summary>Postings of <paramref name="count"/> texts, each made of the fields <paramref name="fieldsOf"/> gives.</summary>
    public static GramPostings Build(int count, Func<int, IEnumerable<string>> fieldsOf)
    {
        var postings = new Dictionary<uint, List<int>>();
        var grams = new HashSet<uint>();
        for (var doc = 0; doc < count; doc++)
        {
            grams.Clear();
            foreach (var text in fieldsOf(doc))
                for (var i = 0; i < text.Length; i++)
                {
                    grams.Add(text[i]);
                    if (i + 1 < text.Length) grams.Add(Pair(text[i], text[i + 1]));
                }
            foreach (var gram in grams)
            {
                if (!postings.TryGetValue(gram, out var list)) postings[gram] = list = [];
                list.Add(doc);
            }
        }
        return new GramPostings(postings.ToFrozenDictionary(p => p.Key, p => p.Value.ToArray()));
    }

    /// <summary>Whether <see cref="Candidates"/> of <paramref name="q"/> all hold it, with no substring test needed.</summary>
    public static bool IsExact(string q) => q.Length <= 2;

    /// <summary>The texts that hold every character pair of <paramref name="q"/> (or its one character), ascending.</summary>
    public int[] Candidates(string q)
    {
        if (q.Length == 0) return [];
        if (q.Length == 1) return _postings.TryGetValue(q[0], out var single) ? single : [];
        var lists = new List<int[]>(q.Length);
        for (var i = 0; i + 1 < q.Length; i++)
        {
            if (!_postings.TryGetValue(Pair(q[i], q[i + 1]), out var list)) return [];
            lists.Add(list);
        }
        lists.Sort((a, b) => a.Length.CompareTo(b.Length));
        var result = lists[0];
        for (var l = 1; l < lists.Count && result.Length > 0; l++) result = Intersect(result, lists[l]);
        return result;
    }

    /// <summary>Two ascending lists intersected: binary searches into the longer when it is much longer, a merge otherwise.</summary>
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

    // A pair never collides with a single character: a single character's key is below 0x10000, a pair's first
    // character is shifted above it, and U+0000 never occurs in normalised text.
    private static uint Pair(char a, char b) => ((uint)a << 16) | b;
}
