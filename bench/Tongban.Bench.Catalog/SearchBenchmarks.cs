using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Tongban.Catalog.Domain;
using Tongban.Catalog.Search;

namespace Tongban.Bench.Catalog;

/// <summary>
/// The catalog search over 220,000 items against its baseline, a plain substring scan of the same documents,
/// both running every fifth query of the 1,000-query set (bench/catalog/queries.txt): 200 queries of 1–6 characters.
/// One operation is one query.
/// </summary>
[MemoryDiagnoser]
public class SearchBenchmarks
{
    private const int Items = 220_000;
    private static readonly string[] Variants = ["", "（变更）", "（注销）", "（补领）", "（延续）", "（首次申请）", "（迁移）", "（换领）"];

    private SearchIndex _index = null!;
    private SearchDocument[] _documents = null!;
    private string[] _names = null!;
    private string[] _summaries = null!;
    private string[] _queries = null!;

    [GlobalSetup]
    public void Setup()
    {
        var root = Repository.Root();
        using var catalog = File.OpenRead(Path.Combine(root, "regions", "tieling", "catalog.json"));
        var items = JsonDocument.Parse(catalog).RootElement.GetProperty("items").EnumerateArray()
            .Select(i => (Name: i.GetProperty("name").GetString()!, Summary: i.TryGetProperty("summary", out var s) ? s.GetString() : null)).ToList();
        _documents = Enumerable.Range(0, Items).Select(k =>
        {
            var (name, summary) = items[k % items.Count];
            return new SearchDocument(Guid.NewGuid(), $"G{k:D9}", name + Variants[k / items.Count % Variants.Length], summary, "", "部门",
                Subjects.Person, 3, 1, ItemType.公共服务, ExerciseLevel.市, "211200000000", ItemStatus.Published, [], []);
        }).ToArray();
        _names = [.. _documents.Select(d => SearchText.Normalize(d.Name))];
        _summaries = [.. _documents.Select(d => SearchText.Normalize(d.Summary))];
        _index = new SearchIndex(_documents, [["身份证", "居民身份证"], ["公积金", "住房公积金"], ["医保", "医疗保险"]], Pinyin.Shipped);
        _queries = File.ReadAllLines(Path.Combine(root, "bench", "catalog", "queries.txt")).Where(q => q.Length > 0).Where((_, i) => i % 5 == 0).ToArray();
    }

    /// <summary>Each query of the whole set timed alone (after a warm-up pass).</summary>
    public IEnumerable<(string Query, double Ms)> TimeEachQuery()
    {
        var all = File.ReadAllLines(Path.Combine(Repository.Root(), "bench", "catalog", "queries.txt")).Where(q => q.Length > 0).ToArray();
        foreach (var q in all) _index.Search(q, SearchFilter.None, 0, 20);
        foreach (var q in all)
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            _index.Search(q, SearchFilter.None, 0, 20);
            yield return (q, watch.Elapsed.TotalMilliseconds);
        }
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

    [Benchmark(OperationsPerInvoke = 200, Description = "index: first page, ranked")]
    public int IndexSearch()
    {
        var total = 0;
        foreach (var query in _queries) total += _index.Search(query, SearchFilter.None, 0, 20).Total;
        return total;
    }
}

internal static class Repository
{
    public static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Tongban.slnx"))) return dir.FullName;
        throw new DirectoryNotFoundException("Run the benchmarks from inside the repository.");
    }
}
