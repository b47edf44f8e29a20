namespace Tongban.Catalog.Search;

/// <summary>
/// A part of the query matched on its own: a synonym term (found when a text holds any term of its group) or a pair
/// of adjacent characters. <see cref="Positions"/> are the characters of the query it stands for (bit i: character i
/// of the query without its question words). <see cref="Literal"/>: the query's own characters, not a synonym.
/// </summary>
internal sealed record QueryUnit(IReadOnlyList<string> Terms, ulong Positions, bool Literal);

/// <summary>
/// A normalised query as the index matches it.
/// <see cref="Alternatives"/> are matched whole, as a substring search would: the query as typed, without the words of
/// a question (怎么办理), and with every combination of its synonyms (at most <see cref="SearchVocabulary.MaxAlternatives"/>).
/// <see cref="Units"/> match it part by part, for items that hold most of the query but not all of it as written.
/// <see cref="Homophones"/> is its pinyin when a typo of the same sound may be meant (结昏登记 → jiehundengji).
/// <see cref="NamesAnAction"/>: the query asks for a secondary action (补领, 变更 …), so items named for one are not ranked down.
/// </summary>
internal sealed record QueryPlan(string Text, IReadOnlyList<string> Alternatives, IReadOnlyList<QueryUnit> Units, int Length, string? Homophones, bool NamesAnAction)
{
    public static readonly QueryPlan Empty = new("", [], [], 0, null, false);

    /// <summary>Only the query as typed is matched whole: what it finds is exactly what a substring search finds.</summary>
    public bool IsLiteral => Alternatives.Count == 1 && Alternatives[0] == Text;
}
