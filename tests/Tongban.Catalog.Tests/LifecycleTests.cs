using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Kernel.Data;
using Tongban.Kernel.Security;

namespace Tongban.Catalog.Tests;

/// <summary>Draft → submit → legality review → published, over HTTP, with roles, history and audit.</summary>
public sealed class LifecycleTests(LaneApps apps)
{
    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    private static StringContent Body(JsonNode node) => new(node.ToJsonString(), System.Text.Encoding.UTF8, "application/json");

    [Theory]
    [DatabaseLanes]
    public async Task An_item_goes_from_draft_through_review_to_the_public_guide(DatabaseLane lane)
    {
        var app = await apps.For(lane);
        var admin = await app.SignInAsync("事项管理员", Policies.CatalogAdministrator);
        var reviewer = await app.SignInAsync("司法局审查员", Policies.LegalityReviewer);
        var code = $"{Feeds.PublicSecurity}TSTL{(int)lane}1";
        var item = Feeds.Item($"TSTL{(int)lane}1000000", Feeds.PublicSecurity, $"TSTL{(int)lane}1", "护照签发（测试）");

        var incomplete = item.DeepClone().AsObject();
        incomplete.Remove("legalBasis");
        incomplete["materials"] = new JsonArray();
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsync("/api/catalog/items", Body(incomplete))).StatusCode);
        var refused = await admin.PostAsync($"/api/catalog/items/{code}/submit", null);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var missing = (await JsonAsync(refused)).GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("field").GetString()).ToList();
        Assert.Equal(["legal_basis", "materials"], missing);

        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsync("/api/catalog/items", Body(item))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/catalog/items/{code}/submit", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.PostAsJsonAsync($"/api/catalog/items/{code}/approve", new { opinion = "自批" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient().GetAsync($"/api/catalog/items/{code}")).StatusCode);

        var approved = await reviewer.PostAsJsonAsync($"/api/catalog/items/{code}/approve", new { opinion = "合法" });
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        Assert.Equal("Published", (await JsonAsync(approved)).GetProperty("status").GetString());
        var guide = await app.CreateClient().GetStringAsync($"/items/{code}");
        Assert.Contains("护照签发（测试）", guide, StringComparison.Ordinal);

        await app.DrainOutboxAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var actions = await scope.ServiceProvider.GetRequiredService<KernelDbContext>().AuditEntries
            .Where(e => e.Subject == $"item:{code}").OrderBy(e => e.Sequence).Select(e => e.Action).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(["catalog.item_drafted", "catalog.item_drafted", "catalog.item_submitted", "catalog.item_approved"], actions);
    }

    [Theory]
    [DatabaseLanes]
    public async Task A_returned_change_keeps_the_published_version_live_and_the_history_shows_the_difference(DatabaseLane lane)
    {
        var app = await apps.For(lane);
        var admin = await app.SignInAsync("事项管理员", Policies.CatalogAdministrator);
        var reviewer = await app.SignInAsync("司法局审查员", Policies.LegalityReviewer);
        var code = $"{Feeds.PublicSecurity}TSTL{(int)lane}2";
        var item = Feeds.Item($"TSTL{(int)lane}2000000", Feeds.PublicSecurity, $"TSTL{(int)lane}2", "港澳通行证签注（测试）");
        await Feeds.PublishAsync(admin, reviewer, item);

        item["promisedLimit"] = 5;
        await admin.PostAsync("/api/catalog/items", Body(item));
        await admin.PostAsync($"/api/catalog/items/{code}/submit", null);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await reviewer.PostAsJsonAsync($"/api/catalog/items/{code}/return", new { opinion = "" })).StatusCode);
        var returned = await reviewer.PostAsJsonAsync($"/api/catalog/items/{code}/return", new { opinion = "压缩后的时限缺少依据" });
        Assert.Equal(HttpStatusCode.OK, returned.StatusCode);

        var guide = await app.CreateClient().GetFromJsonAsync<JsonElement>($"/api/catalog/items/{code}");
        Assert.Equal(20, guide.GetProperty("elements").GetProperty("promisedLimit").GetInt32());
        var diff = await admin.GetFromJsonAsync<JsonElement>($"/api/catalog/items/{code}/diff?from=1&to=2");
        var change = Assert.Single(diff.EnumerateArray());
        Assert.Equal(("promisedLimit", "20", "5"), (change.GetProperty("field").GetString(), change.GetProperty("before").GetString(), change.GetProperty("after").GetString()));
        var history = await admin.GetFromJsonAsync<JsonElement>($"/api/catalog/items/{code}/history");
        Assert.Equal("压缩后的时限缺少依据", history.GetProperty("versions")[1].GetProperty("opinion").GetString());
    }

    [Theory]
    [DatabaseLanes]
    public async Task A_suspended_item_says_why_on_its_guide(DatabaseLane lane)
    {
        var app = await apps.For(lane);
        var admin = await app.SignInAsync("事项管理员", Policies.CatalogAdministrator);
        await admin.PostAsync("/api/catalog/feeds", Feeds.Content(Feeds.Standard("SUS")));
        var code = $"{Feeds.MarketRegulation}SUS004";
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await admin.PostAsJsonAsync($"/api/catalog/items/{code}/suspend", new { reason = "" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync($"/api/catalog/items/{code}/suspend", new { reason = "登记系统升级，12月1日恢复" })).StatusCode);
        Assert.Contains("本事项暂停办理，暂不接受申请。原因：登记系统升级，12月1日恢复", await app.CreateClient().GetStringAsync($"/items/{code}"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/catalog/items/{code}/resume", null)).StatusCode);
    }

    [Theory]
    [DatabaseLanes]
    public async Task A_county_implements_a_city_item_inheriting_its_basic_elements(DatabaseLane lane)
    {
        var app = await apps.For(lane);
        var admin = await app.SignInAsync("事项管理员", Policies.CatalogAdministrator);
        var reviewer = await app.SignInAsync("司法局审查员", Policies.LegalityReviewer);
        const string City = "11211200061012195B00070500100001"; // 居民身份证申领 of the demo catalog
        const string CountyDepartment = "1121122100946870XD"; // 铁岭县营商环境建设局
        var code = $"{CountyDepartment}INH{(int)lane}";
        var response = await admin.PostAsJsonAsync($"/api/catalog/items/{City}/implementations",
            new { implementationCode = code, divisionCode = "211221", departmentCreditCode = CountyDepartment });
        if (response.StatusCode == HttpStatusCode.UnprocessableEntity)
            Assert.Fail(await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);

        var refused = await admin.PostAsync($"/api/catalog/items/{code}/submit", null);
        var missing = (await JsonAsync(refused)).GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("field").GetString()).ToList();
        Assert.Equal(["places", "consultation_phone"], missing);

        var history = await admin.GetFromJsonAsync<JsonElement>($"/api/catalog/items/{code}/history");
        Assert.Equal("居民身份证申领", history.GetProperty("versions")[0].GetProperty("name").GetString());
        var unknown = await admin.PostAsJsonAsync($"/api/catalog/items/{City}/implementations",
            new { implementationCode = "91110000600037341LX", divisionCode = "211221", departmentCreditCode = "91110000600037341L" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknown.StatusCode);
    }
}
