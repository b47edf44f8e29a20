using Tongban.Catalog.Search;

namespace Tongban.Catalog.Tests;

/// <summary>The demo catalog grown to city scale (22,112 items, as <c>tongban seed catalog</c> grows it), searched in memory.</summary>
public sealed class SearchScaleTests
{
    private static readonly Lazy<SearchIndex> City = new(() => DemoCatalog.Index(22_112));

    [Fact]
    public void At_city_scale_a_first_page_never_shows_the_same_item_twice()
    {
        foreach (var query in new[] { "登记", "营业执照", "低保", "公积金", "许可", "证", "gjj", "a" })
        {
            var result = City.Value.Search(query, SearchFilter.None, 0, 20);
            var names = result.Groups.Select(g => g.Name).ToList();
            Assert.Equal(names.Count, names.Distinct().Count());
            Assert.True(result.Items > result.Total, $"{query}: {result.Items} implementations in {result.Total} results");
        }
    }

    [Fact]
    public void At_city_scale_an_item_lists_every_place_implementing_it_and_the_facet_counts_them()
    {
        var result = City.Value.Search("最低生活保障审批", SearchFilter.None, 0, 5);
        var item = result.Groups[0];
        Assert.Equal("000506005000", item.Code);
        Assert.True(item.Implementations.Count > 50, $"{item.Implementations.Count} places");
        Assert.Equal(item.Implementations.Select(d => d.DivisionCode).Distinct().Count(), item.Implementations.Count);
        Assert.Equal(8, result.Places.Count);
        var township = item.Implementations.First(d => d.Level == Domain.ExerciseLevel.乡镇).DivisionCode;
        var near = City.Value.Search("最低生活保障审批", SearchFilter.None, 0, 5, home: township).Groups[0];
        Assert.Equal(township, near.Primary!.DivisionCode);
    }
}
