using System.Diagnostics;
using System.Globalization;
using Tongban.Catalog.Search;
using Tongban.Catalog.Tests;

namespace Tongban.Bench.Catalog;

/// <summary>The bench's commands other than BenchmarkDotNet (see Program.cs).</summary>
internal static class Commands
{
    public static void Relevance(IReadOnlyList<int> sizes)
    {
        var cases = Tongban.Catalog.Tests.Relevance.Cases();
        Console.WriteLine($"relevance set: {cases.Count} queries (tests/Tongban.Catalog.Tests/relevance.tsv), first page of {Tongban.Catalog.Tests.Relevance.PageSize}");
        Console.WriteLine("| items | texts | queries | top-1 | top-5 |");
        Console.WriteLine("| ---: | ---: | --- | ---: | ---: |");
        var misses = new List<string>();
        var builds = new List<string>();
        foreach (var size in sizes)
        {
            var documents = DemoCatalog.Grown(size);
            var memory = GC.GetTotalMemory(forceFullCollection: true);
            var watch = Stopwatch.StartNew();
            var index = new SearchIndex(documents, DemoCatalog.Synonyms(), Pinyin.Shipped, DemoCatalog.LifeEvents(), DemoCatalog.DivisionNames());
            builds.Add($"  {size:N0} items: index built in {watch.Elapsed.TotalSeconds:F1} s, {(GC.GetTotalMemory(forceFullCollection: true) - memory) / 1048576.0:F0} MB besides the documents");
            foreach (var (label, subset) in new[] { ("all", cases), ("round 1", cases.Where(c => c.Round == 1).ToList()), ("round 2", cases.Where(c => c.Round == 2).ToList()) })
            {
                var score = Tongban.Catalog.Tests.Relevance.Measure(index, subset);
                Console.WriteLine($"| {size:N0} | {index.TextCount:N0} | {label} | {score.Top1}/{score.Cases} ({score.Top1Share:P1}) | {score.Top5}/{score.Cases} ({score.Top5Share:P1}) |");
                if (label == "all") misses.AddRange(score.Misses(index).Select(m => $"  at {size:N0}: {m}"));
            }
        }
        Console.WriteLine();
        foreach (var build in builds) Console.WriteLine(build);
        Console.WriteLine("\nnot first:");
        foreach (var miss in misses) Console.WriteLine(miss);
    }

    public static void Latin(int items, bool ownNames)
    {
        var documents = DemoCatalog.Grown(items, ownNames);
        var previous = new PreviousSearchIndex(documents, DemoCatalog.Synonyms(), Pinyin.Shipped);
        var index = new SearchIndex(documents, DemoCatalog.Synonyms(), Pinyin.Shipped, DemoCatalog.LifeEvents(), DemoCatalog.DivisionNames());
        var before = Time(q => previous.Search(q, 0, 20).Total);
        var after = Time(q => index.Search(q, SearchFilter.None, 0, 20).Total);
        Console.WriteLine($"{items:N0} items ({index.TextCount:N0} distinct texts{(ownNames ? ", every implementation named after its place" : "")}), " +
            $"{QuerySet.ShortLatin.Length} one- and two-letter queries, each timed alone, best of 5 runs");
        Console.WriteLine("| query | before ms | before results | after ms | after results |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: |");
        foreach (var q in QuerySet.ShortLatin)
            Console.WriteLine($"| {q} | {before[q].Ms:F2} | {before[q].Total:N0} | {after[q].Ms:F2} | {after[q].Total:N0} |");
        Console.WriteLine($"| **max** | **{before.Values.Max(x => x.Ms):F2}** | | **{after.Values.Max(x => x.Ms):F2}** | |");
        Console.WriteLine($"| mean | {before.Values.Average(x => x.Ms):F2} | | {after.Values.Average(x => x.Ms):F2} | |");
    }

    private static Dictionary<string, (double Ms, int Total)> Time(Func<string, int> search)
    {
        var times = QuerySet.ShortLatin.ToDictionary(q => q, q => (Ms: double.MaxValue, Total: search(q)));
        for (var run = 0; run < 5; run++)
            foreach (var q in QuerySet.ShortLatin)
            {
                var watch = Stopwatch.StartNew();
                var total = search(q);
                times[q] = (Math.Min(times[q].Ms, watch.Elapsed.TotalMilliseconds), total);
            }
        return times;
    }

    public static void Explain(string query, int items)
    {
        var index = DemoCatalog.Index(items);
        var plan = index.Plan(query);
        Console.WriteLine($"query “{plan.Text}”, {items:N0} items; literal: {plan.IsLiteral}; action named: {plan.NamesAnAction}; homophones: {plan.Homophones}");
        Console.WriteLine($"alternatives ({plan.Alternatives.Count}): {string.Join(" | ", plan.Alternatives.Take(20))}");
        Console.WriteLine($"parts: {string.Join(" + ", plan.Units.Select(u => $"{string.Join("/", u.Terms.Take(6))}@{Convert.ToString((long)u.Positions, 2)}"))}");
        var result = index.Search(query, SearchFilter.None, 0, 10);
        Console.WriteLine($"{result.Total} results, {result.Items} implementations");
        foreach (var g in result.Groups)
            Console.WriteLine($"  {g.Score,6} {g.Match,-11} {g.Code,-14} {g.Name} ({g.Implementations.Count.ToString(CultureInfo.InvariantCulture)} places)");
    }

    public static void Profile()
    {
        var bench = new SearchBenchmarks();
        bench.Setup();
        foreach (var (query, ms) in bench.TimeEachQuery().OrderByDescending(x => x.Ms).Take(15))
            Console.WriteLine($"{ms,8:F3} ms  {query}");
    }
}
