using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Kernel.Identifiers;
using Tongban.Kernel.Security;
using Tongban.Registries.Contracts;

namespace Tongban.Halls.Tests;

/// <summary>
/// 帮办代办 (issue #19 item 7): an enterprise's representative asks a centre for an agent for an investment project; the
/// centre's window staff assign one of its agency team, which authorises the agent (identity's proxy authorisation, the
/// request its basis) to apply for the items in the requester's name; the request shows the cases the agent started; closing
/// it ends the authorisation; the enterprise rates once. Someone else's request is not found; bad input is named and
/// nothing is written.
/// </summary>
public sealed class FreeAgencyTests(LaneApps lanes)
{
    private const string Hall = DemoHalls.Kaiyuan, HallDepartment = DemoHalls.KaiyuanDepartment;
    private const string Item = "11211200025881318U00012100600001"; // 个体工商户设立登记 (市场监管局)
    private const string OtherItem = "11211200061012195B00070501100001"; // 居住证申领 (公安局)

    private static readonly HttpStatusCode[] Refusals = [HttpStatusCode.BadRequest, HttpStatusCode.NotFound, HttpStatusCode.UnprocessableEntity, HttpStatusCode.Conflict];

    private sealed record Enterprise(Guid AccountId, HttpClient Client, string CreditCode, string Name);

    /// <summary>A person verified in person (L3) whom the legal-entity registry names as an active enterprise's representative, with the claim verified.</summary>
    private static async Task<Enterprise> EnterpriseAsync(TongbanApp app, string person)
    {
        var idNumber = TestPeople.NewIdNumber();
        var (_, _, client) = await app.RegisterCitizenAsync(person, idNumber);
        var clerk = await app.SignInAsync("核验窗口", Policies.WindowClerk);
        using (var verified = await clerk.PostFormAsync("/admin/identity/verify-in-person", "/admin/identity/verify-in-person", ("IdNumber", idNumber), ("Name", person)))
            Assert.Equal(HttpStatusCode.OK, verified.StatusCode);
        var first17 = "91211221" + Random.Shared.NextInt64(0, 1_000_000_000).ToString("D9", CultureInfo.InvariantCulture);
        var code = first17 + CreditCode.CheckCharacter(first17);
        var name = $"{person}投资有限公司";
        var csv = "creditCode,name,entityType,legalRepresentative,address,divisionCode,status,establishedOn,businessScope,legalRepresentativeIdNumber,updatedOn\n"
            + $"{code},{name},有限责任公司,{person},开原市新城街道1号,211282000000,active,2022-01-01,农产品加工,{idNumber},2025-06-30\n";
        var bytes = Encoding.UTF8.GetBytes(csv);
        using (var scope = app.Services.CreateScope())
        {
            var summary = await scope.ServiceProvider.GetRequiredService<IRegistryImport>().ImportAsync(
                new RegistryImportRequest("legal-entities", $"test-{code}.csv", () => new MemoryStream(bytes), ImportFormat.Csv, "test"), null, CancellationToken.None);
            Assert.Equal(0, summary.Rejected);
        }
        using (var claimed = await client.PostFormAsync("/account/enterprises", "/account/enterprises?handler=Register", ("CreditCode", code), ("EnterpriseName", name)))
            Assert.Equal(HttpStatusCode.Redirect, claimed.StatusCode);
        return new Enterprise(await app.AccountIdAsync(idNumber), client, code, name);
    }

    /// <summary>A real staff account on the agency team (the agency-agent role, region-wide), signed in.</summary>
    private static async Task<(Guid Id, string Name, HttpClient Client)> AgentAsync(TongbanApp app, string name)
    {
        var staff = await TestStaff.CreateAsync(app, name, Policies.AgencyAgent, ("Input.DepartmentCode", HallDepartment));
        return (staff.Id, name, await TestStaff.SignInAsync(app, staff.IdNumber));
    }

    private static Task<HttpClient> ClerkAsync(TongbanApp app, string department = HallDepartment) =>
        app.SignInAsync($"代办窗口{department[^4..]}", new StaffScope(department, null, []), Policies.WindowClerk);

    private static object Ask(string? project = "开原农产品加工园项目", string? description = "新建厂房和冷库，需要办理开办和许可手续。", string[]? items = null, string? phone = "13912340000") =>
        new { hall = Hall, project, description, items = items ?? [Item], phone };

    private static async Task<JsonElement> JsonOf(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static async Task<string> CodeOf(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(body).RootElement.GetProperty("code").GetString()!;
    }

    private static Task<HttpResponseMessage> ApplyAsAgentAsync(HttpClient agent, Guid principal, string item) =>
        agent.PostAsJsonAsync("/api/applications/agent-applications", new
        {
            principalAccountId = principal, itemCode = item, key = Guid.NewGuid().ToString("N"),
            application = new
            {
                form = new Dictionary<string, string>
                {
                    ["business_name"] = "开原测试农产品加工部", ["organisation"] = "personal", ["scope"] = "农产品初加工", ["address"] = "开原市新城街道8号",
                    ["division"] = "211282000000", ["capital"] = "50000", ["mobile"] = "13900000002",
                },
                materials = new Dictionary<string, string> { ["application_form"] = "申请书原件", ["operator_id_card"] = "身份证原件已核验", ["premises_proof"] = "租赁合同原件" },
            },
        });

    /// <summary>The authorisations the principal has given, as their proxies page's API lists them.</summary>
    private static async Task<List<JsonElement>> GivenAsync(HttpClient principal) =>
        [.. (await JsonOf(await principal.GetAsync("/api/identity/proxies"))).GetProperty("given").EnumerateArray()];

    [Theory, DatabaseLanes]
    public async Task An_enterprise_asks_the_centre_assigns_an_agent_who_applies_under_a_recorded_authorisation_then_it_closes_and_is_rated(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var enterprise = await EnterpriseAsync(app, "帮办企业甲");
        var agent = await AgentAsync(app, "帮办代办员甲");
        var clerk = await ClerkAsync(app);

        var asked = await JsonOf(await enterprise.Client.PostAsJsonAsync("/api/halls/agency", Ask()), HttpStatusCode.Created);
        var id = asked.GetProperty("id").GetGuid();
        Assert.Equal(("Requested", enterprise.Name), (asked.GetProperty("state").GetString(), asked.GetProperty("enterpriseName").GetString()));
        Assert.Equal("个体工商户设立登记", asked.GetProperty("items")[0].GetProperty("name").GetString());

        // Before the centre assigns, the agent has no authorisation: refused.
        Assert.Equal(HttpStatusCode.Forbidden, (await ApplyAsAgentAsync(agent.Client, enterprise.AccountId, Item)).StatusCode);

        var queue = await JsonOf(await clerk.GetAsync("/api/halls/agency"));
        Assert.Contains(queue.EnumerateArray(), r => r.GetProperty("id").GetGuid() == id);
        var team = await JsonOf(await clerk.GetAsync($"/api/halls/agency/{id}/team"));
        Assert.Contains(team.EnumerateArray(), m => m.GetProperty("id").GetGuid() == agent.Id);
        var page = WebUtility.HtmlDecode(await clerk.GetStringAsync("/admin/agency"));
        Assert.Contains("开原农产品加工园项目", page, StringComparison.Ordinal);
        Assert.Contains(agent.Name, page, StringComparison.Ordinal); // offered in the team picker
        Assert.DoesNotContain(id.ToString(), page.Replace($"id={id}", "", StringComparison.Ordinal), StringComparison.Ordinal); // no GUID shown, only in form addresses
        Assert.Contains(("user:dev:代办窗口" + HallDepartment[^4..], "halls.agency_requests_read"),
            (await app.AuditOfAsync("agency-requests")).Where(e => e.Details?.Contains($"user:{enterprise.AccountId}", StringComparison.Ordinal) == true).Select(e => (e.Actor, e.Action)));

        var assigned = await JsonOf(await clerk.PostAsJsonAsync($"/api/halls/agency/{id}/assign", new { agent = agent.Id }));
        Assert.Equal(("Assigned", agent.Name), (assigned.GetProperty("state").GetString(), assigned.GetProperty("agentName").GetString()));
        var given = Assert.Single(await GivenAsync(enterprise.Client));
        Assert.Equal(Item, Assert.Single(given.GetProperty("itemCodes").EnumerateArray()).GetString());
        Assert.Contains(await app.AuditOfAsync($"agency:{id}"), e => e.Action == "halls.agency_assigned");

        // The agent applies for the enterprise's item as any authorised agent does; another item stays refused.
        var @case = await JsonOf(await ApplyAsAgentAsync(agent.Client, enterprise.AccountId, Item), HttpStatusCode.Created);
        var number = @case.GetProperty("number").GetString()!;
        Assert.Equal(HttpStatusCode.Forbidden, (await ApplyAsAgentAsync(agent.Client, enterprise.AccountId, OtherItem)).StatusCode);
        var mine = await JsonOf(await enterprise.Client.GetAsync($"/api/halls/agency/mine/{id}"));
        Assert.Equal(number, Assert.Single(mine.GetProperty("cases").EnumerateArray()).GetProperty("number").GetString());
        var myPage = WebUtility.HtmlDecode(await enterprise.Client.GetStringAsync("/my/agency"));
        Assert.Contains($"/my/cases/{number}", myPage, StringComparison.Ordinal);
        Assert.Contains(agent.Name, myPage, StringComparison.Ordinal);

        // Rating waits for the close; closing ends the authorisation; one rating only.
        Assert.Equal("agency.rate_requires_completion", await CodeOf(await enterprise.Client.PostAsJsonAsync($"/api/halls/agency/mine/{id}/rating", new { level = 5 }), HttpStatusCode.Conflict));
        Assert.Equal("Closed", (await JsonOf(await enterprise.Client.PostAsync($"/api/halls/agency/mine/{id}/close", null))).GetProperty("state").GetString());
        Assert.Equal("Revoked", Assert.Single(await GivenAsync(enterprise.Client)).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await ApplyAsAgentAsync(agent.Client, enterprise.AccountId, Item)).StatusCode);
        Assert.Equal("agency.closed", await CodeOf(await clerk.PostAsync($"/api/halls/agency/{id}/close", null), HttpStatusCode.Conflict));

        var rated = await JsonOf(await enterprise.Client.PostAsJsonAsync($"/api/halls/agency/mine/{id}/rating", new { level = 2, comment = "回复太慢" }));
        Assert.Equal((2, true, "回复太慢"), (rated.GetProperty("rating").GetInt32(), rated.GetProperty("badRating").GetBoolean(), rated.GetProperty("ratingComment").GetString()));
        using (var twice = await enterprise.Client.PostAsJsonAsync($"/api/halls/agency/mine/{id}/rating", new { level = 5 }))
        {
            Assert.Equal("agency.already_rated", await CodeOf(twice, HttpStatusCode.Conflict));
        }
        Assert.Equal(2, (await JsonOf(await enterprise.Client.GetAsync($"/api/halls/agency/mine/{id}"))).GetProperty("rating").GetInt32());
        Assert.Contains("差评", WebUtility.HtmlDecode(await clerk.GetStringAsync("/admin/agency")), StringComparison.Ordinal);

        // The bad rating joins the 好差评 as one given at the hall: the assigning desk's department rectifies it, and since
        // the rater signed in, calls them back before the report; staff of another department do not see it.
        await app.DrainOutboxAsync();
        await app.DrainOutboxAsync(); // delivered twice: kept once
        var rating = Assert.Single((await JsonOf(await clerk.GetAsync("/api/applications/ratings?rectifications=true"))).EnumerateArray(),
            r => r.GetProperty("place").GetString()?.EndsWith("帮办代办：开原农产品加工园项目", StringComparison.Ordinal) == true && r.GetProperty("comment").GetString() == "回复太慢");
        Assert.Equal(("Dissatisfied", "Open", JsonValueKind.Null), (rating.GetProperty("level").GetString(), rating.GetProperty("rectification").GetString(), rating.GetProperty("caseNumber").ValueKind));
        var ratingId = rating.GetProperty("id").GetGuid();
        var stranger = await ClerkAsync(app, DemoHalls.XifengDepartment);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/applications/ratings/{ratingId}")).StatusCode);
        var ratingPage = WebUtility.HtmlDecode(await clerk.GetStringAsync($"/admin/ratings/{ratingId}"));
        Assert.Contains("整改报告前须先回访评价人", ratingPage, StringComparison.Ordinal);
        Assert.Contains("网上评价：开原", ratingPage, StringComparison.Ordinal); // the requester rated it in their own space, not on the hall's tablet
        Assert.DoesNotContain("现场评价", ratingPage, StringComparison.Ordinal);
        Assert.Equal("rating.callback_required", await CodeOf(await clerk.PostAsJsonAsync($"/api/applications/ratings/{ratingId}/report", new { report = "已调整代办员" }), HttpStatusCode.Conflict));
        using (var called = await clerk.PostAsJsonAsync($"/api/applications/ratings/{ratingId}/call-back", new { outcome = "已电话回访企业致歉" }))
            Assert.Equal(HttpStatusCode.OK, called.StatusCode);
        var reported = await JsonOf(await clerk.PostAsJsonAsync($"/api/applications/ratings/{ratingId}/report", new { report = "已调整代办员，承诺两个工作日内答复" }));
        Assert.Equal("Reported", reported.GetProperty("rectification").GetString());
    }

    [Theory, DatabaseLanes]
    public async Task Someone_elses_request_is_not_found_for_citizens_and_for_window_staff_of_another_centre(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var enterprise = await EnterpriseAsync(app, "帮办企业乙");
        var id = (await JsonOf(await enterprise.Client.PostAsJsonAsync("/api/halls/agency", Ask()), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var (_, _, stranger) = await app.RegisterCitizenAsync("帮办路人");
        var outsider = await ClerkAsync(app, DemoHalls.XifengDepartment); // window staff, but of another centre

        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/halls/agency/mine/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsync($"/api/halls/agency/mine/{id}/close", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsJsonAsync($"/api/halls/agency/mine/{id}/rating", new { level = 1 })).StatusCode);
        Assert.DoesNotContain(id.ToString(), await (await stranger.GetAsync("/api/halls/agency/mine")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("开原农产品加工园项目", await stranger.GetStringAsync("/my/agency"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.GetAsync("/api/halls/agency")).StatusCode); // not staff
        Assert.DoesNotContain(id.ToString(), await (await outsider.GetAsync("/api/halls/agency")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/halls/agency/{id}/team")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostAsJsonAsync($"/api/halls/agency/{id}/assign", new { agent = Guid.NewGuid() })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostAsync($"/api/halls/agency/{id}/close", null)).StatusCode);
        Assert.Equal("Requested", (await JsonOf(await enterprise.Client.GetAsync($"/api/halls/agency/mine/{id}"))).GetProperty("state").GetString());
    }

    [Theory, DatabaseLanes]
    public async Task Bad_requests_and_steps_are_named_in_both_languages_and_nothing_is_written(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var enterprise = await EnterpriseAsync(app, "帮办企业丙");
        var (_, _, noEnterprise) = await app.RegisterCitizenAsync("帮办无企业");
        var clerk = await ClerkAsync(app);

        using (var bad = await enterprise.Client.PostAsJsonAsync("/api/halls/agency", Ask(project: "", description: new string('长', 1001), phone: "12345")))
        {
            var problem = await JsonOf(bad, HttpStatusCode.UnprocessableEntity);
            var fields = problem.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("field").GetString()).ToHashSet();
            Assert.Equal(new HashSet<string?> { "project", "description", "phone" }, fields);
            Assert.Contains("项目名称", problem.ToString(), StringComparison.Ordinal);
            Assert.Contains("project's name", problem.ToString(), StringComparison.Ordinal);
        }
        Assert.Equal("agency.item_unknown", await CodeOf(await enterprise.Client.PostAsJsonAsync("/api/halls/agency", Ask(items: [Item, "NO-SUCH'; --"])), HttpStatusCode.UnprocessableEntity));
        Assert.Equal("agency.items", await CodeOf(await enterprise.Client.PostAsJsonAsync("/api/halls/agency", Ask(items: [])), HttpStatusCode.UnprocessableEntity));
        Assert.Equal("agency.hall", await CodeOf(await enterprise.Client.PostAsJsonAsync("/api/halls/agency", new { hall = "nowhere", project = "项目", description = "说明", items = new[] { Item }, phone = "13912340000" }), HttpStatusCode.UnprocessableEntity));
        Assert.Equal("agency.no_enterprise", await CodeOf(await noEnterprise.PostAsJsonAsync("/api/halls/agency", Ask()), HttpStatusCode.Forbidden));
        foreach (var input in Fuzz.Strings("开原农产品加工园项目", mutations: 10, seed: lane == DatabaseLane.Sqlite ? 41 : 43))
        {
            using var project = await enterprise.Client.PostAsJsonAsync("/api/halls/agency", Ask(project: input, phone: input));
            await Fuzz.AssertHandledAsync(project, input, Refusals); // a valid project with a hostile phone is still refused
            using var item = await enterprise.Client.PostAsJsonAsync("/api/halls/agency", Ask(items: [input]));
            await Fuzz.AssertHandledAsync(item, input, Refusals);
        }
        using (var page = await enterprise.Client.PostFormAsync("/my/agency", "/my/agency", ("Hall", Hall), ("Enterprise", enterprise.CreditCode), ("Project", ""), ("Description", "说明"), ("Phone", "123")))
        {
            var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
            Assert.Equal(HttpStatusCode.UnprocessableEntity, page.StatusCode); // the page shown again with the messages inline
            Assert.Contains("请填写项目名称", html, StringComparison.Ordinal);
            Assert.Contains("请填写11位手机号码", html, StringComparison.Ordinal);
        }
        Assert.Equal(0, (await JsonOf(await enterprise.Client.GetAsync("/api/halls/agency/mine"))).GetArrayLength()); // nothing kept

        // Steps out of turn, and an agent not on the team, change nothing and grant nothing.
        var id = (await JsonOf(await enterprise.Client.PostAsJsonAsync("/api/halls/agency", Ask()), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        Assert.Equal("agency.rate_requires_completion", await CodeOf(await enterprise.Client.PostAsJsonAsync($"/api/halls/agency/mine/{id}/rating", new { level = 4 }), HttpStatusCode.Conflict));
        foreach (var notOnTeam in new[] { Guid.NewGuid(), enterprise.AccountId })
            Assert.Equal("agency.agent_not_on_team", await CodeOf(await clerk.PostAsJsonAsync($"/api/halls/agency/{id}/assign", new { agent = notOnTeam }), HttpStatusCode.UnprocessableEntity));
        Assert.Equal("agency.agent_not_on_team", await CodeOf(await clerk.PostAsJsonAsync($"/api/halls/agency/{id}/assign", new { }), HttpStatusCode.UnprocessableEntity));
        foreach (var body in new[] { "", "[]", "{\"agent\":\"nobody\"}", new string('[', 3000) })
        {
            using var raw = await clerk.PostAsync($"/api/halls/agency/{id}/assign", new StringContent(body, Encoding.UTF8, "application/json"));
            await Fuzz.AssertHandledAsync(raw, body, HttpStatusCode.BadRequest);
        }
        foreach (var level in new[] { 0, 6, -1, int.MaxValue })
        {
            using var rating = await enterprise.Client.PostAsJsonAsync($"/api/halls/agency/mine/{id}/rating", new { level });
            await Fuzz.AssertHandledAsync(rating, level.ToString(CultureInfo.InvariantCulture), HttpStatusCode.Conflict); // not closed yet: nothing rated
        }
        Assert.Empty(await GivenAsync(enterprise.Client));
        Assert.Equal("Requested", (await JsonOf(await enterprise.Client.GetAsync($"/api/halls/agency/mine/{id}"))).GetProperty("state").GetString());

        // Withdrawn before an agent was named: closed, and there is no agency to rate.
        Assert.Equal("Closed", (await JsonOf(await enterprise.Client.PostAsync($"/api/halls/agency/mine/{id}/close", null))).GetProperty("state").GetString());
        Assert.Equal("agency.rate_requires_completion", await CodeOf(await enterprise.Client.PostAsJsonAsync($"/api/halls/agency/mine/{id}/rating", new { level = 4 }), HttpStatusCode.Conflict));
        Assert.Equal("agency.state_assign", await CodeOf(await clerk.PostAsJsonAsync($"/api/halls/agency/{id}/assign", new { agent = Guid.NewGuid() }), HttpStatusCode.Conflict));
    }

    [Theory, DatabaseLanes]
    public async Task The_pages_find_items_by_name_ask_assign_close_and_rate_without_any_script(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var enterprise = await EnterpriseAsync(app, "帮办企业丁");
        var agent = await AgentAsync(app, "帮办代办员丁");
        var clerk = await ClerkAsync(app);

        // Finding items keeps what was typed and offers the items found as boxes to tick.
        using (var found = await enterprise.Client.PostFormAsync("/my/agency", "/my/agency?handler=Search",
            ("Hall", Hall), ("Enterprise", enterprise.CreditCode), ("Project", "丁项目"), ("Query", "个体工商户设立")))
        {
            var html = WebUtility.HtmlDecode(await found.Content.ReadAsStringAsync());
            Assert.Equal(HttpStatusCode.OK, found.StatusCode);
            Assert.Contains($"value=\"{Item}\"", html, StringComparison.Ordinal);
            Assert.Contains("个体工商户设立登记", html, StringComparison.Ordinal);
            Assert.Contains("value=\"丁项目\"", html, StringComparison.Ordinal);
        }
        using (var asked = await enterprise.Client.PostFormAsync("/my/agency", "/my/agency", ("Hall", Hall), ("Enterprise", enterprise.CreditCode),
            ("Project", "丁项目"), ("Description", "扩建仓储"), ("Items", Item), ("Phone", "13912340001")))
            Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        var id = Assert.Single((await JsonOf(await enterprise.Client.GetAsync("/api/halls/agency/mine"))).EnumerateArray()).GetProperty("id").GetGuid();

        using (var assigned = await clerk.PostFormAsync("/admin/agency", $"/admin/agency?handler=Assign&id={id}", ("Agent", agent.Id.ToString())))
            Assert.Equal(HttpStatusCode.Redirect, assigned.StatusCode);
        using (var closed = await enterprise.Client.PostFormAsync("/my/agency", $"/my/agency?handler=Close&id={id}"))
            Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        var page = WebUtility.HtmlDecode(await enterprise.Client.GetStringAsync("/my/agency"));
        Assert.Contains("为帮办代办服务评价", page, StringComparison.Ordinal);
        using (var rated = await enterprise.Client.PostFormAsync("/my/agency", $"/my/agency?handler=Rate&id={id}", ("Level", "5"), ("Comment", "很及时")))
            Assert.Equal(HttpStatusCode.Redirect, rated.StatusCode);
        using (var again = await enterprise.Client.PostFormAsync("/my/agency", $"/my/agency?handler=Rate&id={id}", ("Level", "1")))
        {
            Assert.Equal(HttpStatusCode.Conflict, again.StatusCode); // shown again with the message inline
            Assert.Contains("每次申请只能评价一次", WebUtility.HtmlDecode(await again.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }
        var mine = await JsonOf(await enterprise.Client.GetAsync($"/api/halls/agency/mine/{id}"));
        Assert.Equal(("Closed", 5, agent.Name), (mine.GetProperty("state").GetString(), mine.GetProperty("rating").GetInt32(), mine.GetProperty("agentName").GetString()));
    }
}
