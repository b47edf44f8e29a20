using Tongban.Kernel.Errors;

namespace Tongban.Catalog.Domain;

/// <summary>Terms that mean the same to a searcher (身份证 ↔ 居民身份证), maintained by the catalog administrator.</summary>
internal sealed class SynonymGroup
{
    private SynonymGroup() { }

    public int Id { get; private set; }
    public List<string> Terms { get; private set; } = [];

    public static SynonymGroup Create(IEnumerable<string> terms)
    {
        var list = terms.Select(t => t.Trim()).Where(t => t.Length > 0).Distinct().ToList();
        if (list.Count < 2)
            throw new DomainException(new DomainError("synonym.terms", "同义词组至少需要两个词", "A synonym group needs at least two terms", Field: "terms"));
        if (list.Any(t => t.Length > 30))
            throw new DomainException(new DomainError("synonym.length", "每个词不超过30个字", "Each term has 30 characters at most", Field: "terms"));
        // One character would be put in for that character wherever it stands in any query.
        if (list.Any(t => t.Length < 2))
            throw new DomainException(new DomainError("synonym.short", "每个词至少两个字", "Each term has two characters at least", Field: "terms"));
        return new SynonymGroup { Terms = list };
    }

    /// <summary>The same terms in any order: a group already there.</summary>
    public string Key => string.Join('|', Terms.Order(StringComparer.Ordinal));
}
