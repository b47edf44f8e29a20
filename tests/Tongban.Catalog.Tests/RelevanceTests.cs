namespace Tongban.Catalog.Tests;

/// <summary>
/// The relevance set (relevance.tsv, residents' own words with the item they mean) over the demo catalog. The
/// thresholds are what the search reaches today, set a little below it so that a change that makes ranking worse
/// fails here; the figures at 22,112 and 220,000 items come from the bench (docs/benchmarks.md). Grouping at
/// city scale is checked in <see cref="SearchScaleTests"/>.
/// </summary>
public sealed class RelevanceTests(ITestOutputHelper output)
{
    // Reached on 2026-12-04: top-5 256/259 (98.8 %), top-1 253/259 (97.7 %).
    private const double Top5Threshold = 0.97;
    private const double Top1Threshold = 0.95;

    [Fact]
    public void The_relevance_set_has_at_least_a_hundred_queries_each_naming_an_item_or_life_event_of_the_demo_catalog()
    {
        var cases = Relevance.Cases();
        var codes = DemoCatalog.Items().Select(d => d.BasicCode).Concat(DemoCatalog.LifeEvents().Select(e => e.Code)).ToHashSet();
        Assert.True(cases.Count >= 100, $"{cases.Count} queries");
        Assert.All(cases, c => Assert.Contains(c.Expected, codes));
        Assert.Equal(cases.Count, cases.Select(c => c.Query).Distinct().Count());
    }

    [Fact]
    public void Residents_queries_find_the_item_they_mean_among_the_first_five_at_522_items()
    {
        var index = DemoCatalog.Index(0);
        var score = Relevance.Measure(index, Relevance.Cases());
        output.WriteLine($"top-1 {score.Top1}/{score.Cases} ({score.Top1Share:P1}), top-5 {score.Top5}/{score.Cases} ({score.Top5Share:P1})");
        foreach (var miss in score.Misses(index)) output.WriteLine(miss);
        Assert.True(score.Top5Share >= Top5Threshold, $"top-5 {score.Top5Share:P1} below {Top5Threshold:P0}");
        Assert.True(score.Top1Share >= Top1Threshold, $"top-1 {score.Top1Share:P1} below {Top1Threshold:P0}");
    }
}
