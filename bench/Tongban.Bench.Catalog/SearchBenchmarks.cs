using BenchmarkDotNet.Attributes;
using Tongban.Catalog.Search;
using Tongban.Catalog.Tests;

namespace Tongban.Bench.Catalog;

/// <summary>
/// The catalog search over the demo catalog grown to 220,000 items as <c>tongban seed catalog</c> grows it, against
/// its baseline, a plain substring scan of the same documents, both running every fifth query of the 1,000-query
/// set (bench/catalog/queries.txt): 200 queries of 1–6 characters. One operation is one query.
/// </summary>
[MemoryDiagnoser]
public class SearchBenchmarks
{
    private const int Items = 220_000;

    private SearchIndex _index = null!;
    private string[] _names = null!;
    private string[] _summaries = null!;
    private string[] _queries = null!;

    [GlobalSetup]
    public void Setup()
    {
        var documents = DemoCatalog.Grown(Items);
        _names = [.. documents.Select(d => SearchText.Normalize(d.Name))];
        _summaries = [.. documents.Select(d => SearchText.Normalize(d.Summary))];
        _index = new SearchIndex(documents, DemoCatalog.Synonyms(), Pinyin.Shipped, DemoCatalog.LifeEvents(), DemoCatalog.DivisionNames());
        _queries = [.. QuerySet.All().Where((_, i) => i % 5 == 0)];
    }

    /// <summary>Each query of the whole set timed alone, the best of three passes after a warm-up pass (on a shared machine one pass catches other work).</summary>
    public IEnumerable<(string Query, double Ms)> TimeEachQuery()
    {
        var all = QuerySet.All();
        foreach (var q in all) _index.Search(q, SearchFilter.None, 0, 20);
        var best = all.ToDictionary(q => q, _ => double.MaxValue);
        for (var pass = 0; pass < 3; pass++)
            foreach (var q in all)
            {
                var watch = System.Diagnostics.Stopwatch.StartNew();
                _index.Search(q, SearchFilter.None, 0, 20);
                best[q] = Math.Min(best[q], watch.Elapsed.TotalMilliseconds);
            }
        return best.Select(x => (x.Key, x.Value));
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = 200, Description = "substring scan (baseline)")]
    public int SubstringScan()
    {
        var total = 0;
        foreach (var query in _queries)
        {
            var q = SearchText.Normalize(query);
            var hits = 0;
            for (var i = 0; i < _names.Length; i++)
                if (_names[i].Contains(q, StringComparison.Ordinal) || _summaries[i].Contains(q, StringComparison.Ordinal)) hits++;
            total += hits;
        }
        return total;
    }

    [Benchmark(OperationsPerInvoke = 200, Description = "index: first page, grouped and ranked")]
    public int IndexSearch()
    {
        var total = 0;
        foreach (var query in _queries) total += _index.Search(query, SearchFilter.None, 0, 20).Total;
        return total;
    }
}

internal static class QuerySet
{
    public static string[] All() => [.. File.ReadAllLines(Path.Combine(DemoCatalog.Root(), "bench", "catalog", "queries.txt")).Where(q => q.Length > 0)];

    /// <summary>Every one-letter query and 26 two-letter ones (initials and the starts of common syllables).</summary>
    public static readonly string[] ShortLatin =
    [
        .. Enumerable.Range('a', 26).Select(c => ((char)c).ToString()),
        "sh", "zh", "ch", "gj", "sf", "hk", "yb", "sb", "dj", "zf", "qy", "jz", "xk", "bl", "sq", "gz", "yl", "ba", "an", "ji", "ng", "ke", "wu", "xi", "qu", "ou",
    ];
}
