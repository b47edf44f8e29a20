using Tongban.Catalog.Search;

namespace Tongban.Catalog.Tests;

/// <summary>
/// The 1,000-query set (bench/catalog/queries.txt, 1–6 characters cut from real item names and descriptions)
/// over the demo catalog: every item a plain substring search finds, the index finds too.
/// </summary>
public sealed class RecallTests
{
    [Fact]
    public void Every_query_of_the_set_finds_exactly_what_a_substring_search_finds()
    {
        var documents = DemoCatalog.Items();
        var index = new SearchIndex(documents, DemoCatalog.Synonyms(), Pinyin.Shipped);
        var queries = File.ReadAllLines(Path.Combine(DemoCatalog.Root(), "bench", "catalog", "queries.txt")).Where(q => q.Length > 0).ToList();
        Assert.Equal(1000, queries.Count);

        var missed = new List<string>();
        foreach (var query in queries)
        {
            var q = SearchText.Normalize(query);
            var expected = documents.Where(d => SearchText.Normalize(d.Name).Contains(q, StringComparison.Ordinal)
                || SearchText.Normalize(d.Summary).Contains(q, StringComparison.Ordinal)).Select(d => d.ItemId).ToHashSet();
            var found = index.FindAll(query).ToHashSet();
            if (!expected.IsSubsetOf(found)) missed.Add($"{query}: {expected.Except(found).Count()} of {expected.Count} missed");
            // Matched whole and without synonyms, question words or pinyin in play, the index finds nothing more either.
            if (!SearchText.IsAscii(q) && index.Plan(query).IsLiteral && !found.IsSubsetOf(expected))
                missed.Add($"{query}: {found.Except(expected).Count()} found that do not contain it");
        }
        Assert.True(missed.Count == 0, string.Join("\n", missed));
    }

    [Fact]
    public void Every_item_a_query_finds_whole_is_among_its_ranked_results()
    {
        var index = new SearchIndex(DemoCatalog.Items(), DemoCatalog.Synonyms(), Pinyin.Shipped);
        foreach (var query in new[] { "户口", "证", "公积金提取", "gjj", "医保", "营业执照" })
        {
            var ranked = index.Search(query, SearchFilter.None, 0, SearchIndex.MaxTake).Groups.SelectMany(g => g.Implementations).Select(d => d.ItemId).ToHashSet();
            var total = index.Search(query, SearchFilter.None, 0, 0).Total;
            if (total <= SearchIndex.MaxTake) Assert.Superset(index.FindAll(query).ToHashSet(), ranked);
        }
    }
}
