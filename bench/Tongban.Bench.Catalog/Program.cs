using System.Diagnostics;
using BenchmarkDotNet.Running;
using Tongban.Bench.Catalog;

if (args is ["profile"])
{
    // The slowest queries of the set, one by one: where the search spends its time.
    var bench = new SearchBenchmarks();
    bench.Setup();
    foreach (var (query, ms) in bench.TimeEachQuery().OrderByDescending(x => x.Ms).Take(15))
        Console.WriteLine($"{ms,8:F3} ms  {query}");
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(SearchBenchmarks).Assembly).Run(args);
