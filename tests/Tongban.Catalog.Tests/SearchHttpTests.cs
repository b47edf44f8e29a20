using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Tongban.Catalog.Tests;

/// <summary>The portal search and its API over the demo catalog, with ordinary and odd input.</summary>
public sealed class SearchHttpTests(LaneApps apps) : IClassFixture<LaneApps>
{
    public static TheoryData<string> OddInput => new("😀", "'; DROP TABLE cat_items; --", "%' OR 1=1 --", "<script>alert(1)</script>", new string('证', 2000), "\u200b", "ＧＪＪ");

    [Theory]
    [MemberData(nameof(OddInput))]
    public async Task Any_input_answers_normally_on_the_page_and_the_api(string query)
    {
        var client = (await apps.For(DatabaseLane.Sqlite)).CreateClient();
        var page = await client.GetAsync("/search?q=" + Uri.EscapeDataString(query));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.DoesNotContain("<script>alert(1)</script>", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var api = await client.GetAsync("/api/catalog/search?q=" + Uri.EscapeDataString(query));
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
    }

    [Theory]
    [DatabaseLanes]
    public async Task A_search_hit_shows_department_subject_and_online_depth(DatabaseLane lane)
    {
        var client = (await apps.For(lane)).CreateClient();
        var result = await client.GetFromJsonAsync<JsonElement>("/api/catalog/search?q=gjj");
        var hit = result.GetProperty("hits")[0];
        Assert.Contains("公积金", hit.GetProperty("name").GetString(), StringComparison.Ordinal);
        Assert.Equal("铁岭市住房公积金管理中心", hit.GetProperty("department").GetString());
        Assert.False(string.IsNullOrEmpty(hit.GetProperty("subjects").GetString()));
        Assert.InRange(hit.GetProperty("onlineDepth").GetInt32(), 1, 4);
        var page = await client.GetStringAsync("/search?q=" + Uri.EscapeDataString("户口"));
        Assert.Contains("铁岭市公安局", page, StringComparison.Ordinal);
    }

    [Theory]
    [DatabaseLanes]
    public async Task The_demo_catalog_is_loaded_with_its_life_events(DatabaseLane lane)
    {
        var client = (await apps.For(lane)).CreateClient();
        var all = await client.GetFromJsonAsync<JsonElement>("/api/catalog/items?take=1");
        Assert.True(all.GetProperty("total").GetInt32() >= 300);
        Assert.Contains("开办企业", await client.GetStringAsync("/life-events"), StringComparison.Ordinal);
    }
}
