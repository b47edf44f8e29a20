using System.Collections.Frozen;

namespace Tongban.Catalog.Search;

/// <summary>
/// The words a query is read with: synonym groups (maintained at /admin/catalog/synonyms), the words of a question
/// that name no item, the secondary actions, the names of the region's places, and the pinyin of every synonym term
/// (so gzf and gongzufang find 公租房, and a typo of the same sound finds the term it was meant to be).
/// </summary>
internal sealed partial class SearchVocabulary
{
    public const int MaxAlternatives = 64;

    private readonly FrozenDictionary<string, string[]> _terms;
    private readonly FrozenDictionary<string, string[]>.AlternateLookup<ReadOnlySpan<char>> _termLookup;
    private readonly int _longestTerm;
    private readonly FrozenSet<string> _fillers;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _fillerLookup;
    private readonly int _longestFiller;
    private readonly FrozenDictionary<string, string> _spoken;

    public SearchVocabulary(IEnumerable<IEnumerable<string>> synonyms, IEnumerable<string> placeNames, Pinyin pinyin)
    {
        var groups = synonyms.Select(g => g.Select(t => SearchText.Normalize(t)).Where(t => t.Length > 1).Distinct().ToArray()).Where(g => g.Length > 1).ToList();
        // A term in several groups stands for all of them.
        _terms = groups.SelectMany(g => g.Select(t => (Term: t, Group: g))).GroupBy(x => x.Term, StringComparer.Ordinal)
            .ToFrozenDictionary(x => x.Key, x => x.SelectMany(y => y.Group).Distinct().ToArray(), StringComparer.Ordinal);
        _termLookup = _terms.GetAlternateLookup<ReadOnlySpan<char>>();
        _longestTerm = _terms.Count == 0 ? 0 : _terms.Keys.Max(k => k.Length);
        var fillers = Words.Fillers.Concat(placeNames.SelectMany(PlaceWords)).Select(w => SearchText.Normalize(w)).Where(w => w.Length > 0);
        _fillers = fillers.ToFrozenSet(StringComparer.Ordinal);
        _fillerLookup = _fillers.GetAlternateLookup<ReadOnlySpan<char>>();
        _longestFiller = _fillers.Count == 0 ? 0 : _fillers.Max(w => w.Length);
        _spoken = Spoken(_terms.Keys, pinyin);
        Pinyin = pinyin;
    }

    public Pinyin Pinyin { get; }

    /// <summary>The terms interchangeable with <paramref name="term"/> (itself included), or null when it is in no group.</summary>
    public IReadOnlyList<string>? GroupOf(string term) => _terms.GetValueOrDefault(term);

    /// <summary>A place is named in a query as 铁岭市 or as 铁岭; either is dropped from the words matched one by one.</summary>
    private static IEnumerable<string> PlaceWords(string name)
    {
        yield return name;
        foreach (var suffix in new[] { "市", "区", "县", "镇", "乡", "街道" })
            if (name.Length > suffix.Length + 1 && name.EndsWith(suffix, StringComparison.Ordinal)) yield return name[..^suffix.Length];
    }

    /// <summary>
    /// Full pinyin of every term, and initials of terms of three syllables or more (two letters are too ambiguous):
    /// the first term to claim a spelling keeps it.
    /// </summary>
    private static FrozenDictionary<string, string> Spoken(IEnumerable<string> terms, Pinyin pinyin)
    {
        var spoken = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var term in terms.Where(t => !SearchText.IsAscii(t)).Order(StringComparer.Ordinal))
        {
            spoken.TryAdd(pinyin.Full(term), term);
            var initials = pinyin.Initials(term);
            if (initials.Length >= 3) spoken.TryAdd(initials, term);
        }
        return spoken.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
