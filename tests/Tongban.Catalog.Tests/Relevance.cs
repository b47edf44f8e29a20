using Tongban.Catalog.Search;

namespace Tongban.Catalog.Tests;

/// <summary>One query of the relevance set (relevance.tsv): what a resident types and the item (basic code) or life event meant.</summary>
internal sealed record RelevanceCase(string Query, string Expected, string Kind, int Round);

/// <summary>Where each case's expected result ranked (1-based; 0 when not on the first page of five).</summary>
internal sealed record RelevanceScore(IReadOnlyList<(RelevanceCase Case, int Rank)> Ranks)
{
    public int Cases => Ranks.Count;
    public int Top1 => Ranks.Count(r => r.Rank == 1);
    public int Top5 => Ranks.Count(r => r.Rank is >= 1 and <= 5);
    public double Top1Share => (double)Top1 / Cases;
    public double Top5Share => (double)Top5 / Cases;

    /// <summary>The cases not found first, with their rank and what came first instead: to read, not to tune the set to.</summary>
    public IEnumerable<string> Misses(SearchIndex index) => Ranks.Where(r => r.Rank != 1).Select(r =>
        $"{r.Case.Query} → expected {r.Case.Expected} at {(r.Rank == 0 ? "none" : r.Rank.ToString(System.Globalization.CultureInfo.InvariantCulture))}; first: " +
        string.Join(" | ", index.Search(r.Case.Query, SearchFilter.None, 0, 3).Groups.Select(g => g.Name)));
}

internal static class Relevance
{
    public const int PageSize = 5;

    public static List<RelevanceCase> Cases() => [.. File.ReadAllLines(Path.Combine(DemoCatalog.Root(), "tests", "Tongban.Catalog.Tests", "relevance.tsv"))
        .Where(l => l.Length > 0 && l[0] != '#').Select(l => l.Split('\t')).Select(c => new RelevanceCase(c[0], c[1], c[2], int.Parse(c[3], System.Globalization.CultureInfo.InvariantCulture)))];

    public static RelevanceScore Measure(SearchIndex index, IReadOnlyList<RelevanceCase> cases) =>
        new([.. cases.Select(c => (c, Rank(index, c)))]);

    private static int Rank(SearchIndex index, RelevanceCase c)
    {
        var groups = index.Search(c.Query, SearchFilter.None, 0, PageSize).Groups;
        for (var i = 0; i < groups.Count; i++)
            if (groups[i].Code == c.Expected) return i + 1;
        return 0;
    }
}
