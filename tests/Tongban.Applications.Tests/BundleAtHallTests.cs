using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Tongban.Kernel.Security;

namespace Tongban.Applications.Tests;

/// <summary>A bundle (一件事) at the hall and the station: a window clerk's walk-in and a station agent's application for a principal.</summary>
public sealed class BundleAtHallTests(ApplicationsApps apps)
{
    private const string DemoStation = "tlx-xintaizi";
    private const string AgentPage = "/admin/cases/agent";
    private static readonly Dictionary<string, string> Papers = new() { ["id-card"] = "身份证原件已核验", ["lease"] = "租赁合同原件已收" };

    private static object Application(Dictionary<string, string>? form = null) => new { form = form ?? TestBundles.ValidForm, materials = Papers };

    private static string?[] Numbers(JsonElement submitted) => [.. submitted.GetProperty("cases").EnumerateArray().Select(c => c.GetProperty("number").GetString())];

    private static async Task<int> CaseCountAsync(HttpClient applicant) => (await applicant.MyCasesAsync()).GetArrayLength();

    [Theory]
    [DatabaseLanes]
    public async Task A_clerk_registers_a_walk_in_of_a_bundle_as_one_case_per_item_each_with_the_visit_all_or_none_and_once_per_form(DatabaseLane lane)
    {
        var app = await apps.For(lane);
        var citizen = await app.CitizenAsync();
        var clerk = await app.SignInAsync("一件事窗口", new StaffScope(TestCatalog.Department, null, []), Policies.WindowClerk);
        var key = Guid.NewGuid().ToString("N");
        object WalkIn(Dictionary<string, string>? form = null) => new { idNumber = citizen.IdNumber, bundleCode = TestBundles.Shop, key, window = "B2", application = Application(form) };

        // Eleven characters: within the licence's 50, over the permit's 10 — so neither case is made.
        using var refused = await clerk.PostAsJsonAsync("/api/applications/bundle-walk-ins", WalkIn(new(TestBundles.ValidForm) { ["purpose"] = "开一家卖早点的小店铺吧" }));
        Assert.Equal("form.too_long", await refused.ProblemCodeAsync(HttpStatusCode.UnprocessableEntity));
        Assert.Equal(0, await CaseCountAsync(citizen.Client));

        using var first = await clerk.PostAsJsonAsync("/api/applications/bundle-walk-ins", WalkIn());
        using var again = await clerk.PostAsJsonAsync("/api/applications/bundle-walk-ins", WalkIn());
        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.OK), (first.StatusCode, again.StatusCode));
        var (made, repeated) = (await first.JsonAsync(), await again.JsonAsync());
        Assert.Equal(Numbers(made), Numbers(repeated));
        var cases = made.GetProperty("cases").EnumerateArray().OrderBy(c => c.GetProperty("itemCode").GetString() == TestBundles.Permit).ToList();
        Assert.Equal([TestBundles.Licence, TestBundles.Permit], cases.Select(c => c.GetProperty("itemCode").GetString()));
        Assert.All(cases, c => Assert.Equal(("Window", 1, TestBundles.Shop, made.GetProperty("key").GetGuid()),
            (c.GetProperty("channel").GetString(), c.GetProperty("trips").GetProperty("actual").GetInt32(),
             c.GetProperty("bundle").GetProperty("code").GetString(), c.GetProperty("bundle").GetProperty("key").GetGuid())));
        Assert.Equal([["id-card", "lease"], ["id-card"]], cases.Select(c => c.GetProperty("materials").EnumerateArray().Select(m => m.GetProperty("key").GetString()).Order().ToArray()));
        Assert.Equal(2, await CaseCountAsync(citizen.Client));
    }

    [Theory]
    [DatabaseLanes]
    public async Task A_clerk_registers_a_bundle_on_the_walk_in_page_with_one_form_for_its_items(DatabaseLane lane)
    {
        var app = await apps.For(lane);
        var citizen = await app.CitizenAsync();
        var clerk = await app.SignInAsync("一件事窗口页", new StaffScope(TestCatalog.Department, null, []), Policies.WindowClerk);
        const string page = "/admin/cases/walk-in";
        var key = Guid.NewGuid().ToString("N");

        using (var found = await clerk.PostFormAsync(page, $"{page}?handler=Find", ("Input.IdNumber", citizen.IdNumber), ("Input.BundleCode", TestBundles.Shop), ("Input.Key", key)))
        {
            var html = WebUtility.HtmlDecode(await found.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
            Assert.Equal(HttpStatusCode.OK, found.StatusCode);
            Assert.Contains("name=\"Input.BundleCode\" value=\"" + TestBundles.Shop + "\"", html, StringComparison.Ordinal);
            Assert.Contains("面积", html, StringComparison.Ordinal); // the permit's field beside the licence's
            Assert.Contains("场所租赁合同", html, StringComparison.Ordinal);
        }
        using var submitted = await clerk.PostFormAsync(page, $"{page}?handler=Submit", ("Input.IdNumber", citizen.IdNumber), ("Input.BundleCode", TestBundles.Shop), ("Input.Key", key),
            ("Input.Application.Form[purpose]", "开一家店"), ("Input.Application.Form[mobile]", "13912345678"), ("Input.Application.Form[area]", "30"),
            ("Input.Application.Materials[id-card]", "身份证原件已核验"), ("Input.Application.Materials[lease]", "租赁合同原件已收"));
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        Assert.StartsWith("/admin/cases/", submitted.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var mine = (await citizen.Client.MyCasesAsync()).EnumerateArray().ToList();
        Assert.Equal(["测试经营许可", "测试营业登记"], mine.Select(c => c.GetProperty("itemName").GetString()).Order(StringComparer.Ordinal));
    }

    [Theory]
    [DatabaseLanes]
    public async Task A_station_agent_submits_a_bundle_only_when_authorised_for_every_item_and_each_case_records_both_identities_and_the_station(DatabaseLane lane)
    {
        var app = await apps.For(lane);
        var principal = await app.CitizenAsync("一件事委托人");
        var account = await TestStaff.CreateAsync(app, "一件事代办员", Policies.StationAgent, ("Input.StationKey", DemoStation));
        var agent = await TestStaff.SignInAsync(app, account.IdNumber);
        apps.Proxies.Grant(principal.AccountId, account.Id, TestBundles.Licence);
        var key = Guid.NewGuid().ToString("N");
        var body = new { principalAccountId = principal.AccountId, bundleCode = TestBundles.Shop, key, application = Application() };

        using (var found = await agent.PostFormAsync(AgentPage, $"{AgentPage}?handler=Find", ("Input.IdNumber", principal.IdNumber), ("Input.BundleCode", TestBundles.Shop), ("Input.Key", key)))
            Assert.Contains("没有授权您代办事项“测试经营许可”", WebUtility.HtmlDecode(await found.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)), StringComparison.Ordinal);
        using var refused = await agent.PostAsJsonAsync("/api/applications/bundle-agent-applications", body);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var error = (await refused.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("errors")[0];
        Assert.Equal("case.no_authorisation", error.GetProperty("code").GetString());
        Assert.Contains(TestBundles.Permit, error.GetProperty("message").GetString(), StringComparison.Ordinal); // the item not covered, named
        Assert.Equal(0, await CaseCountAsync(principal.Client));

        apps.Proxies.Grant(principal.AccountId, account.Id, TestBundles.Permit);
        using var first = await agent.PostAsJsonAsync("/api/applications/bundle-agent-applications", body);
        using var again = await agent.PostAsJsonAsync("/api/applications/bundle-agent-applications", body);
        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.OK), (first.StatusCode, again.StatusCode));
        var made = await first.JsonAsync();
        Assert.Equal(Numbers(made), Numbers(await again.JsonAsync()));
        Assert.Equal(2, made.GetProperty("cases").GetArrayLength());
        Assert.All(made.GetProperty("cases").EnumerateArray(), c => Assert.Equal(($"user:{account.Id} for user:{principal.AccountId}", "Station", DemoStation, 1, TestBundles.Shop),
            (c.GetProperty("submittedBy").GetString(), c.GetProperty("channel").GetString(), c.GetProperty("stationKey").GetString(),
             c.GetProperty("trips").GetProperty("actual").GetInt32(), c.GetProperty("bundle").GetProperty("code").GetString())));
        Assert.Equal(2, await CaseCountAsync(principal.Client)); // the cases are the principal's
    }
}
