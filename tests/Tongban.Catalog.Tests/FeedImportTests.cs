using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Tongban.Kernel.Security;

namespace Tongban.Catalog.Tests;

public sealed class FeedImportTests(LaneApps apps)
{
    private async Task<(TongbanApp App, HttpClient Admin)> AdminAsync(DatabaseLane lane)
    {
        var app = await apps.For(lane);
        return (app, await app.SignInAsync("事项管理员", Policies.CatalogAdministrator));
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    [Theory]
    [DatabaseLanes]
    public async Task A_feed_is_imported_searchable_and_a_second_import_changes_nothing(DatabaseLane lane)
    {
        var (app, admin) = await AdminAsync(lane);
        var first = await admin.PostAsync("/api/catalog/feeds", Feeds.Content(Feeds.Standard()));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var report = await JsonAsync(first);
        Assert.True(report.GetProperty("added").GetInt32() + report.GetProperty("unchanged").GetInt32() == 4);

        var again = await JsonAsync(await admin.PostAsync("/api/catalog/feeds", Feeds.Content(Feeds.Standard())));
        Assert.Equal((0, 0, 4), (again.GetProperty("added").GetInt32(), again.GetProperty("changed").GetInt32(), again.GetProperty("unchanged").GetInt32()));

        var search = await app.CreateClient().GetFromJsonAsync<JsonElement>("/api/catalog/search?q=" + Uri.EscapeDataString("迁入"));
        var hit = search.GetProperty("hits").EnumerateArray().Single(h => h.GetProperty("implementationCode").GetString() == $"{Feeds.PublicSecurity}TST002");
        Assert.Equal("铁岭市公安局", hit.GetProperty("department").GetString());
        Assert.Equal(3, hit.GetProperty("onlineDepth").GetInt32());
    }

    [Theory]
    [DatabaseLanes]
    public async Task A_changed_item_gets_a_new_version_and_the_guide_shows_it(DatabaseLane lane)
    {
        var (app, admin) = await AdminAsync(lane);
        await admin.PostAsync("/api/catalog/feeds", Feeds.Content(Feeds.Standard("CHG")));
        var changed = Feeds.Standard("CHG");
        changed["items"]![2]!["promisedLimit"] = 3;
        var report = await JsonAsync(await admin.PostAsync("/api/catalog/feeds", Feeds.Content(changed)));
        Assert.Equal(1, report.GetProperty("changed").GetInt32());
        Assert.Equal([$"{Feeds.HousingFund}CHG003: promisedLimit 20 → 3"], report.GetProperty("differences").EnumerateArray().Select(d => d.GetString()));

        var guide = await app.CreateClient().GetFromJsonAsync<JsonElement>($"/api/catalog/items/{Feeds.HousingFund}CHG003");
        Assert.Equal(3, guide.GetProperty("elements").GetProperty("promisedLimit").GetInt32());
        Assert.True(guide.GetProperty("version").GetInt32() >= 2);
        var page = await app.CreateClient().GetStringAsync($"/items/{Feeds.HousingFund}CHG003");
        Assert.Contains("3个工作日", page, StringComparison.Ordinal);
    }

    [Theory]
    [DatabaseLanes]
    public async Task A_malformed_feed_line_is_named_and_nothing_of_the_feed_is_applied(DatabaseLane lane)
    {
        var (app, admin) = await AdminAsync(lane);
        var feed = Feeds.Feed(
            Feeds.Item("TST900001000", Feeds.PublicSecurity, "TST901", "第一个好事项"),
            Feeds.Item("TST900002000", "11211200061012195A", "TST902", "坏信用代码"),
            Feeds.Item("TST900003000", Feeds.PublicSecurity, "TST903", "缺材料", change: i => { i["materials"] = new JsonArray(); i["type"] = "行政许可证"; }));
        var response = await admin.PostAsync("/api/catalog/feeds", Feeds.Content(feed));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var fields = (await JsonAsync(response)).GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("field").GetString()!).ToList();
        var lines = (await Feeds.Content(feed).ReadAsStringAsync()).Split('\n');
        int LineOf(string basicCode) => Array.FindIndex(lines, l => l.Contains(basicCode, StringComparison.Ordinal)); // the "{" above it, 1-based
        Assert.Contains($"upload.json line {LineOf("TST900002000")}, implementation_code", fields);
        Assert.Contains($"upload.json line {LineOf("TST900003000")}, type", fields);
        Assert.Contains($"upload.json line {LineOf("TST900003000")}, materials", fields);
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient().GetAsync($"/api/catalog/items/{Feeds.PublicSecurity}TST901")).StatusCode);
    }

    [Theory]
    [DatabaseLanes]
    public async Task Unreadable_json_names_its_line(DatabaseLane lane)
    {
        var (_, admin) = await AdminAsync(lane);
        var response = await admin.PostAsync("/api/catalog/feeds", new StringContent("{\n  \"items\": [\n    {\"name\": }\n  ]\n}", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("upload.json line 3", (await JsonAsync(response)).GetProperty("errors")[0].GetProperty("field").GetString());
    }

    [Theory]
    [DatabaseLanes]
    public async Task An_abolished_item_shows_why_and_takes_no_applications(DatabaseLane lane)
    {
        var (app, admin) = await AdminAsync(lane);
        await admin.PostAsync("/api/catalog/feeds", Feeds.Content(Feeds.Standard("ABO")));
        var feed = Feeds.Standard("ABO");
        feed["items"]![1]!["status"] = "abolished";
        feed["items"]![1]!["statusReason"] = "并入“户口迁移”一件事办理";
        var report = await JsonAsync(await admin.PostAsync("/api/catalog/feeds", Feeds.Content(feed)));
        Assert.Equal(1, report.GetProperty("abolished").GetInt32());

        var page = await app.CreateClient().GetStringAsync($"/items/{Feeds.PublicSecurity}ABO002");
        Assert.Contains("本事项已取消，不再受理。原因：并入“户口迁移”一件事办理", page, StringComparison.Ordinal);
        var guide = await app.CreateClient().GetFromJsonAsync<JsonElement>($"/api/catalog/items/{Feeds.PublicSecurity}ABO002");
        Assert.False(guide.GetProperty("acceptsApplications").GetBoolean());
        var search = await app.CreateClient().GetFromJsonAsync<JsonElement>("/api/catalog/search?q=" + Uri.EscapeDataString("户口迁移（迁入）"));
        Assert.DoesNotContain(search.GetProperty("hits").EnumerateArray(), h => h.GetProperty("implementationCode").GetString() == $"{Feeds.PublicSecurity}ABO002");
    }

    [Theory]
    [DatabaseLanes]
    public async Task The_life_event_guide_asks_each_material_once_and_adds_up_the_limits(DatabaseLane lane)
    {
        var (app, admin) = await AdminAsync(lane);
        await admin.PostAsync("/api/catalog/feeds", Feeds.Content(Feeds.Standard()));
        var page = await app.CreateClient().GetStringAsync("/life-events/LE-TEST");
        Assert.Contains("合计承诺时限：40个工作日", page, StringComparison.Ordinal);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(page, "<td[^>]*>居民户口簿</td>"));
    }

    [Theory]
    [DatabaseLanes]
    public async Task Importing_needs_a_catalog_administrator(DatabaseLane lane)
    {
        var app = await apps.For(lane);
        var clerk = await app.SignInAsync("窗口", Policies.WindowClerk);
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.PostAsync("/api/catalog/feeds", Feeds.Content(Feeds.Standard()))).StatusCode);
    }

    [Theory]
    [DatabaseLanes]
    public async Task An_item_handled_at_a_village_station_shows_it_and_an_unknown_hall_is_refused(DatabaseLane lane)
    {
        var (app, admin) = await AdminAsync(lane);
        var atStation = Feeds.Item("TST700001000", Feeds.PublicSecurity, "TST701", "居住证签注（驿站）", change: i =>
            i["places"] = new JsonArray(new JsonObject { ["station"] = "tlx-xintaizi", ["hours"] = "每周二、周四" }));
        var response = await admin.PostAsync("/api/catalog/feeds", Feeds.Content(Feeds.Feed(atStation)));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await app.CreateClient().GetStringAsync($"/items/{Feeds.PublicSecurity}TST701");
        Assert.Contains("新台子镇政务服务驿站", page, StringComparison.Ordinal);
        Assert.Contains("每周二、周四", page, StringComparison.Ordinal);

        var nowhere = Feeds.Item("TST700002000", Feeds.PublicSecurity, "TST702", "无处办理", change: i =>
            i["places"] = new JsonArray(new JsonObject { ["hall"] = "no-such-hall" }));
        var refused = await admin.PostAsync("/api/catalog/feeds", Feeds.Content(Feeds.Feed(nowhere)));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains((await JsonAsync(refused)).GetProperty("errors").EnumerateArray(), e => e.GetProperty("field").GetString()!.EndsWith(", places", StringComparison.Ordinal));
    }
}
