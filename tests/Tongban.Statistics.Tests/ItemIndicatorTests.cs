using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Tongban.Statistics.Tests;

/// <summary>The item-side indicators over the demo catalog: equal to the catalog's own report, scoped, bad input named.</summary>
public sealed partial class ItemIndicatorTests(LaneApps lanes)
{
    [Theory, DatabaseLanes]
    public async Task Item_figures_equal_the_catalog_report_and_a_department_head_sees_only_their_items(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var catalog = await app.CreateClient().GetFromJsonAsync<JsonElement>("/api/catalog/statistics", TestContext.Current.CancellationToken);
        var total = catalog.GetProperty("total");
        var leader = await app.LeaderAsync();
        foreach (var (indicator, property) in new[] { ("online-rate", "onlineHandlingRate"), ("zero-trip-rate", "zeroTripRate"), ("one-trip-rate", "atMostOneTripRate") })
            Near(total.GetProperty(property).GetDouble(), await TotalAsync(leader, indicator, ""));
        Assert.Equal(total.GetProperty("compressedWorkingDays").GetInt32(), await TotalAsync(leader, "compressed-days", ""));
        Assert.True(total.GetProperty("onlineHandling").GetInt32() > 0, "the demo catalog has items applied for online");

        var busiest = catalog.GetProperty("byDepartment")[0];
        var department = busiest.GetProperty("key").GetString()!;
        var byDepartment = (await leader.FiguresAsync("items/online-rate?by=department")).Values();
        Near(busiest.GetProperty("onlineHandlingRate").GetDouble(), byDepartment[department]);

        var head = await app.DepartmentHeadAsync(department);
        var own = (await head.FiguresAsync("items/online-rate?by=department")).Values();
        Assert.Equal([department], own.Keys);
        Near(busiest.GetProperty("onlineHandlingRate").GetDouble(), own[department]);
        var other = byDepartment.Keys.First(k => k != department);
        using (var refused = await head.GetAsync($"/api/statistics/items/online-rate?department={other}"))
            Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        using (var page = await head.GetAsync($"/statistics/items?department={other}"))
            Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        var headPage = await head.GetStringAsync("/statistics/items");
        Assert.Equal([department], DepartmentLinks().Matches(headPage).Select(m => m.Groups[1].Value).Distinct());
    }

    [Theory, DatabaseLanes]
    public async Task The_items_page_opens_the_items_behind_a_figure_without_codes_in_the_text(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var leader = await app.LeaderAsync();
        var page = await leader.GetStringAsync("/statistics/items");
        Assert.Contains("网上可办率", page, StringComparison.Ordinal);
        Assert.Contains("平均压缩率", page, StringComparison.Ordinal);
        var link = WebUtility.HtmlDecode(OneTripLink().Match(page).Groups[1].Value);
        var department = DepartmentOf().Match(link).Groups[1].Value;
        var figures = await leader.FiguresAsync($"items/one-trip-rate?department={department}");
        var list = await leader.GetStringAsync(link);
        var items = ItemLinks().Count(list);
        Assert.Equal(figures.GetProperty("total").GetProperty("numerator").GetInt64(), items);
        Assert.True(items > 0, "the department has items of at most one visit");
        var text = Tags().Replace(page + list, " ");
        Assert.DoesNotContain(department, text, StringComparison.Ordinal);
        Assert.DoesNotMatch(ItemCode(), text);
    }

    [Theory, DatabaseLanes]
    public async Task Bad_item_indicator_slicing_or_department_is_refused_in_both_languages(DatabaseLane lane)
    {
        var leader = await (await lanes.For(lane)).LeaderAsync();
        foreach (var (query, field) in new[] { ("items/no-such", "indicator"), ("items/online-rate?by=month", "by"), ("items/online-rate?department=000000000000000000", "department") })
        {
            using var response = await leader.GetAsync("/api/statistics/" + query);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{query}: {(int)response.StatusCode} {body}");
            var errors = JsonDocument.Parse(body).RootElement.GetProperty("errors").EnumerateArray();
            Assert.Contains(errors, e => e.GetProperty("field").GetString() == field && e.GetProperty("zh").GetString()!.Length > 0 && e.GetProperty("en").GetString()!.Length > 0);
        }
        using var page = await leader.GetAsync("/statistics/items?indicator=no-such");
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Contains("没有这个事项指标", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static async Task<decimal> TotalAsync(HttpClient client, string indicator, string query) =>
        (await client.FiguresAsync($"items/{indicator}?{query}")).GetProperty("total").GetProperty("value").GetDecimal();

    /// <summary>The catalog report rounds its doubles to even, ours away from zero: one decimal apart at most by a half.</summary>
    private static void Near(double expected, decimal? actual) => Assert.InRange((double)actual!.Value, expected - 0.051, expected + 0.051);

    [GeneratedRegex("department=([0-9A-Z]{18})\"")]
    private static partial Regex DepartmentLinks();

    [GeneratedRegex("<a href=\"(/statistics/items\\?indicator=one-trip-rate&amp;department=[0-9A-Z]{18})\">")]
    private static partial Regex OneTripLink();

    [GeneratedRegex("department=([0-9A-Z]{18})")]
    private static partial Regex DepartmentOf();

    [GeneratedRegex("<a href=\"/items/[0-9A-Z]+\">")]
    private static partial Regex ItemLinks();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();

    [GeneratedRegex("[0-9A-Z]{18}[0-9A-Z]{6,}")]
    private static partial Regex ItemCode();
}
