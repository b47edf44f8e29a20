using System.Text.Json;
using Tongban.Catalog.Domain;
using Tongban.Catalog.Search;

namespace Tongban.Catalog.Tests;

/// <summary>
/// The 1,000-query set (bench/catalog/queries.txt, 1–6 characters cut from real item names and descriptions)
/// over the demo catalog: every item a plain substring search finds, the index finds too.
/// </summary>
public sealed class RecallTests
{
    private static string Root([System.Runtime.CompilerServices.CallerFilePath] string here = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", ".."));

    private sealed record FeedItemJson(string ImplementationCode, string Name, string? Summary);

    [Fact]
    public void Every_query_of_the_set_finds_exactly_what_a_substring_search_finds()
    {
        using var catalog = File.OpenRead(Path.Combine(Root(), "regions", "tieling", "catalog.json"));
        var items = JsonDocument.Parse(catalog).RootElement.GetProperty("items").EnumerateArray()
            .Select(i => new FeedItemJson(i.GetProperty("implementationCode").GetString()!, i.GetProperty("name").GetString()!,
                i.TryGetProperty("summary", out var s) ? s.GetString() : null)).ToList();
        var documents = items.Select(i => new SearchDocument(Guid.NewGuid(), i.ImplementationCode, i.Name, i.Summary, "", "", Subjects.Person, 3, 1,
            ItemType.公共服务, ExerciseLevel.市, "211200000000", ItemStatus.Published, [], [])).ToList();
        var synonyms = File.ReadAllLines(Path.Combine(Root(), "regions", "tieling", "synonyms.txt"))
            .Where(l => l.Length > 0 && l[0] != '#').Select(l => (IReadOnlyList<string>)l.Split('|')).ToList();
        var index = new SearchIndex(documents, synonyms, Pinyin.Shipped);
        var queries = File.ReadAllLines(Path.Combine(Root(), "bench", "catalog", "queries.txt")).Where(q => q.Length > 0).ToList();
        Assert.Equal(1000, queries.Count);

        var synonymTerms = synonyms.SelectMany(g => g).ToList();
        var missed = new List<string>();
        foreach (var query in queries)
        {
            var q = SearchText.Normalize(query);
            var expected = documents.Where(d => SearchText.Normalize(d.Name).Contains(q, StringComparison.Ordinal)
                || SearchText.Normalize(d.Summary).Contains(q, StringComparison.Ordinal)).Select(d => d.ItemId).ToHashSet();
            var found = index.FindAll(query).ToHashSet();
            if (!expected.IsSubsetOf(found)) missed.Add($"{query}: {expected.Except(found).Count()} of {expected.Count} missed");
            // Without a synonym or pinyin in play, the index finds nothing more than the substring search either.
            var plain = !SearchText.IsAscii(q) && !synonymTerms.Any(t => q.Contains(t, StringComparison.Ordinal));
            if (plain && !found.IsSubsetOf(expected)) missed.Add($"{query}: {found.Except(expected).Count()} found that do not contain it");
        }
        Assert.True(missed.Count == 0, string.Join("\n", missed));

        // The plain-query path reads pages off the confirmed postings; it must answer exactly as the general path does.
        foreach (var query in queries.Select(q => SearchText.Normalize(q)).Where(q => !SearchText.IsAscii(q) && !synonymTerms.Any(t => q.Contains(t, StringComparison.Ordinal))))
            foreach (var (skip, take) in new[] { (0, 20), (20, 20), (0, 100) })
            {
                var fast = index.SearchPlain(query, skip, take);
                var general = index.SearchGeneral(query, SearchFilter.None, skip, take);
                Assert.Equal(general.Total, fast.Total);
                Assert.Equal(general.Hits.Select(h => (h.Document.ItemId, h.Match, h.Score)), fast.Hits.Select(h => (h.Document.ItemId, h.Match, h.Score)));
            }
    }
}
