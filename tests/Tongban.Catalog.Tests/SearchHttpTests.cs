using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Tongban.Catalog.Tests;

/// <summary>The portal search and its API over the demo catalog, with ordinary and odd input.</summary>
public sealed class SearchHttpTests(ClassLaneApps apps) : IClassFixture<ClassLaneApps>
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
    public async Task An_item_implemented_in_eight_places_is_one_hit_listing_the_places_with_the_persons_own_first(DatabaseLane lane)
    {
        var client = (await apps.For(lane)).CreateClient();
        var result = await client.GetFromJsonAsync<JsonElement>("/api/catalog/search?q=" + Uri.EscapeDataString("营业执照") + "&home=211282000000");
        var names = result.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("name").GetString()).ToList();
        Assert.Equal(names.Distinct().Count(), names.Count);
        var hit = result.GetProperty("hits").EnumerateArray().Single(h => h.GetProperty("name").GetString() == "企业设立登记");
        var places = hit.GetProperty("implementations").EnumerateArray().Select(i => i.GetProperty("divisionName").GetString()).ToList();
        Assert.Equal(8, places.Count);
        Assert.Equal("开原市", places[0]);
        Assert.StartsWith("/items/", hit.GetProperty("url").GetString(), StringComparison.Ordinal);
        Assert.Contains(result.GetProperty("places").EnumerateArray(), p => p.GetProperty("name").GetString() == "开原市" && p.GetProperty("count").GetInt32() > 0);
    }

    [Theory]
    [DatabaseLanes]
    public async Task A_life_event_is_found_by_its_everyday_name_and_leads_to_its_page(DatabaseLane lane)
    {
        var client = (await apps.For(lane)).CreateClient();
        var result = await client.GetFromJsonAsync<JsonElement>("/api/catalog/search?q=" + Uri.EscapeDataString("生孩子"));
        var first = result.GetProperty("hits")[0];
        Assert.Equal(("life-event", "新生儿出生", "/life-events/LE-XSECS"), (first.GetProperty("kind").GetString(), first.GetProperty("name").GetString(), first.GetProperty("url").GetString()));
        var page = await client.GetStringAsync("/search?q=" + Uri.EscapeDataString("生孩子"));
        Assert.Contains("href=\"/life-events/LE-XSECS\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_repeated_q_is_one_query_of_its_values_joined_on_the_page_and_the_api()
    {
        var client = (await apps.For(DatabaseLane.Sqlite)).CreateClient();
        var twice = await client.GetFromJsonAsync<JsonElement>("/api/catalog/search?q=" + Uri.EscapeDataString("户口") + "&q=" + Uri.EscapeDataString("迁入"));
        var joined = await client.GetFromJsonAsync<JsonElement>("/api/catalog/search?q=" + Uri.EscapeDataString("户口 迁入"));
        Assert.Equal("户口迁入", twice.GetProperty("query").GetString());
        Assert.Equal(joined.GetProperty("hits").ToString(), twice.GetProperty("hits").ToString());
        Assert.Equal("户口迁移（迁入）", twice.GetProperty("hits")[0].GetProperty("name").GetString());
        var page = await client.GetStringAsync("/search?q=" + Uri.EscapeDataString("户口") + "&q=" + Uri.EscapeDataString("迁入"));
        Assert.Contains("“户口迁入”共找到" + twice.GetProperty("total").GetInt32() + "个结果", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("skip=2147483647")]
    [InlineData("skip=2147483647&take=2147483647")]
    [InlineData("take=0")]
    [InlineData("take=100000")]
    public async Task Any_skip_and_take_answer_a_page(string paging)
    {
        var client = (await apps.For(DatabaseLane.Sqlite)).CreateClient();
        foreach (var path in new[] { "/api/catalog/search?q=证&", "/api/catalog/items?" })
        {
            var response = await client.GetAsync(path + paging);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.InRange(body.GetProperty(path.Contains("search", StringComparison.Ordinal) ? "hits" : "items").GetArrayLength(), 0, 100);
        }
        var page = await client.GetAsync("/search?q=证&page=2147483647");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [Theory]
    [InlineData("skip=-1", "paging.skip")]
    [InlineData("take=-1", "paging.take")]
    [InlineData("skip=abc", null)]
    [InlineData("skip=99999999999", null)]
    public async Task A_meaningless_skip_or_take_is_a_bilingual_bad_request(string paging, string? code)
    {
        var client = (await apps.For(DatabaseLane.Sqlite)).CreateClient();
        foreach (var path in new[] { "/api/catalog/search?q=证&", "/api/catalog/items?" })
        {
            var response = await client.GetAsync(path + paging);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            if (code is null) continue;
            var error = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors")[0];
            Assert.Equal(code, error.GetProperty("code").GetString());
            Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", error.GetProperty("zh").GetString()!);
            Assert.Contains("cannot be negative", error.GetProperty("en").GetString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_place_chosen_on_the_page_is_remembered_and_choosing_none_forgets_it()
    {
        var app = await apps.For(DatabaseLane.Sqlite);
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = true });
        await client.GetStringAsync("/search?q=" + Uri.EscapeDataString("营业执照") + "&home=211282000000");
        var later = await client.GetStringAsync("/search?q=" + Uri.EscapeDataString("企业设立登记"));
        Assert.Contains("<option value=\"211282000000\" selected=\"selected\">开原市</option>", later, StringComparison.Ordinal);
        var api = await client.GetFromJsonAsync<JsonElement>("/api/catalog/search?q=" + Uri.EscapeDataString("企业设立登记"));
        Assert.Equal("211282000000", api.GetProperty("hits")[0].GetProperty("implementations")[0].GetProperty("division").GetString());
        await client.GetStringAsync("/search?q=x&home=");
        Assert.DoesNotContain("selected=\"selected\"", await client.GetStringAsync("/search?q=" + Uri.EscapeDataString("企业设立登记")), StringComparison.Ordinal);
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
