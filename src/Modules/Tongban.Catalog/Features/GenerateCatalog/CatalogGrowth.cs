namespace Tongban.Catalog.Features.GenerateCatalog;

/// <summary>
/// Which implementations a grown catalog holds, in order: every basic item implemented in every county, then every
/// township, then every village (the way a city's 22,112 items are mostly the same basic items implemented in many
/// places); when every place has every item, sub-items (变更, 注销 …) with basic codes of their own. The generator
/// and the search benchmarks both follow it, so the benchmarks measure the catalog the command builds.
/// </summary>
internal static class CatalogGrowth
{
    public static readonly string[] Variants = ["", "（变更）", "（注销）", "（补领）", "（延续）", "（首次申请）", "（迁移）", "（换领）"];

    /// <summary>One implementation to add: which base item, in which division, as which variant.</summary>
    public readonly record struct Slot(int Base, string DivisionCode, int Variant);

    /// <param name="baseCodes">The basic codes of the base items.</param>
    /// <param name="divisions">The divisions below the city, counties first, then townships, then villages.</param>
    /// <param name="existing">(basic code, division code) pairs implemented already: skipped.</param>
    public static IEnumerable<Slot> Slots(IReadOnlyList<string> baseCodes, IReadOnlyList<string> divisions, IReadOnlySet<(string, string)> existing)
    {
        for (var variant = 0; variant < Variants.Length; variant++)
            foreach (var division in divisions)
                for (var b = 0; b < baseCodes.Count; b++)
                    if (!existing.Contains((BasicCode(baseCodes[b], variant), division)))
                        yield return new Slot(b, division, variant);
    }

    /// <summary>A sub-item's basic code: the base's with a letter for the variant in the tenth place (a 12-character code) or appended.</summary>
    public static string BasicCode(string baseCode, int variant)
    {
        if (variant == 0) return baseCode;
        var letter = (char)('A' + variant - 1);
        return baseCode.Length >= 12 ? string.Concat(baseCode.AsSpan(0, 9), [letter], baseCode.AsSpan(10)) : baseCode + letter;
    }
}
