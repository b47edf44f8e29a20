using BenchmarkDotNet.Attributes;
using Tongban.Catalog.Search;
using Tongban.Catalog.Tests;

namespace Tongban.Bench.Catalog;

/// <summary>
/// One- and two-letter Latin queries (a, b … z, sh, gj …: 52 queries) over the demo catalog grown to 220,000 items:
/// the index before results were grouped (<see cref="PreviousSearchIndex"/>, the baseline) and the index of today,
/// in the same run. One operation is one query, first page of 20.
/// </summary>
[MemoryDiagnoser]
public class ShortLatinBenchmarks
{
    [Params(220_000)]
    public int Items { get; set; }

    private PreviousSearchIndex _previous = null!;
    private SearchIndex _index = null!;

    [GlobalSetup]
    public void Setup()
    {
        var documents = DemoCatalog.Grown(Items);
        _previous = new PreviousSearchIndex(documents, DemoCatalog.Synonyms(), Pinyin.Shipped);
        _index = new SearchIndex(documents, DemoCatalog.Synonyms(), Pinyin.Shipped, DemoCatalog.LifeEvents(), DemoCatalog.DivisionNames());
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = 52, Description = "before: one result per implementation")]
    public int Previous()
    {
        var total = 0;
        foreach (var q in QuerySet.ShortLatin) total += _previous.Search(q, 0, 20).Total;
        return total;
    }

    [Benchmark(OperationsPerInvoke = 52, Description = "after: grouped by basic item")]
    public int Current()
    {
        var total = 0;
        foreach (var q in QuerySet.ShortLatin) total += _index.Search(q, SearchFilter.None, 0, 20).Total;
        return total;
    }
}
