using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Applications.Data;
using Tongban.Kernel.Identifiers;
using Tongban.Kernel.Security;

namespace Tongban.Applications.Tests;

/// <summary>Stations (驿站): the station agent's page, walk-ins at a station, the station's queue and scope, and the admin menu's links.</summary>
public sealed class StationTests(ApplicationsApps apps)
{
    private const string DemoStation = "tlx-xintaizi";
    private const string Page = "/admin/cases/agent";

    [Theory]
    [DatabaseLanes]
    public async Task A_station_agent_applies_on_the_page_for_an_authorising_principal_and_the_case_records_both_the_station_and_a_visit(DatabaseLane lane)
    {
        var app = await apps.For(lane);
        var principal = await app.CitizenAsync("驿站委托人");
        var account = await TestStaff.CreateAsync(app, "驿站代办员甲", Policies.StationAgent, ("Input.StationKey", DemoStation));
        var agent = await TestStaff.SignInAsync(app, account.IdNumber);
        apps.Proxies.Grant(principal.AccountId, account.Id, TestCatalog.Simple);
        var key = Guid.NewGuid().ToString("N");

        using (var refused = await agent.PostFormAsync(Page, $"{Page}?handler=Find", ("Input.IdNumber", principal.IdNumber), ("Input.ItemCode", TestCatalog.Steps), ("Input.Key", key)))
            Assert.Contains("没有授权您代办", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)), StringComparison.Ordinal);
        using (var found = await agent.PostFormAsync(Page, $"{Page}?handler=Find", ("Input.IdNumber", principal.IdNumber), ("Input.ItemCode", TestCatalog.Simple), ("Input.Key", key)))
        {
            var html = WebUtility.HtmlDecode(await found.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
            Assert.Equal(HttpStatusCode.OK, found.StatusCode);
            Assert.Contains(ResidentIdNumber.Mask(principal.IdNumber), html, StringComparison.Ordinal);
            Assert.DoesNotContain(principal.IdNumber, html, StringComparison.Ordinal);
            Assert.Contains("代办授权有效", html, StringComparison.Ordinal);
        }
        Assert.True(await LookupAuditedAsync(app, ResidentIdNumber.Mask(principal.IdNumber), "驿站代办 agent application for " + TestCatalog.Simple));

        using var submitted = await agent.PostFormAsync(Page, $"{Page}?handler=Submit", ("Input.PrincipalAccountId", principal.AccountId.ToString()),
            ("Input.ItemCode", TestCatalog.Simple), ("Input.Key", key), ("Input.Application.Form[purpose]", "驿站代办"),
            ("Input.Application.Materials[id-card]", "身份证原件已核验"), ("Input.Application.Materials[photo]", "照片已收"));
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        var number = submitted.Headers.Location!.OriginalString["/admin/cases/".Length..];

        var @case = await agent.CaseAsync(number);
        Assert.Equal(($"user:{account.Id} for user:{principal.AccountId}", "Station", DemoStation, 1),
            (@case.GetProperty("submittedBy").GetString(), @case.GetProperty("channel").GetString(), @case.GetProperty("stationKey").GetString(), @case.GetProperty("trips").GetProperty("actual").GetInt32()));
        Assert.Equal(HttpStatusCode.OK, (await principal.Client.GetAsync($"/api/applications/my/cases/{number}")).StatusCode);
        Assert.Contains(number, await Numbers(agent, $"?queue=station&number={number}"));
        Assert.Contains(number, await Numbers(agent, $"?number={number}")); // the station's queue is one of the agent's own
    }

    [Theory]
    [DatabaseLanes]
    public async Task Staff_of_a_station_see_its_cases_and_only_with_a_department_what_the_department_covers(DatabaseLane lane)
    {
        var app = await apps.For(lane);
        var (station, elsewhere) = ("st-" + Guid.NewGuid().ToString("N")[..8], "st-" + Guid.NewGuid().ToString("N")[..8]);
        var clerk = await app.SignInAsync("驿站窗口", new StaffScope(null, station, []), Policies.WindowClerk);
        var colleague = await app.SignInAsync("驿站同事", new StaffScope(null, station, []), Policies.StationAgent);
        var otherStation = await app.SignInAsync("别的驿站", new StaffScope(null, elsewhere, []), Policies.StationAgent);
        var otherWithDepartment = await app.SignInAsync("别的驿站（部门）", new StaffScope(TestCatalog.Department, elsewhere, []), Policies.WindowClerk);
        var citizen = await app.CitizenAsync();

        var walkIn = await (await clerk.PostAsJsonAsync("/api/applications/walk-ins", new
        {
            idNumber = citizen.IdNumber, itemCode = TestCatalog.Simple, key = Guid.NewGuid().ToString("N"),
            application = new { form = TestCatalog.ValidForm, materials = TestCatalog.AllMaterials },
        })).JsonAsync();
        var number = walkIn.GetProperty("number").GetString()!;
        Assert.Equal(("Station", station), (walkIn.GetProperty("channel").GetString(), walkIn.GetProperty("stationKey").GetString()));
        var online = await citizen.Client.ApplyAsync();

        Assert.Contains(number, await Numbers(colleague, $"?queue=station&number={number}"));
        Assert.Equal(HttpStatusCode.OK, (await colleague.GetAsync($"/api/applications/cases/{number}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await colleague.GetAsync($"/api/applications/cases/{online}")).StatusCode); // no department: the station's cases only
        Assert.Equal(HttpStatusCode.NotFound, (await otherStation.GetAsync($"/api/applications/cases/{number}")).StatusCode);
        Assert.DoesNotContain(number, await Numbers(otherStation, "?queue=station"));

        Assert.Equal(HttpStatusCode.OK, (await otherWithDepartment.GetAsync($"/api/applications/cases/{online}")).StatusCode); // the department covers it
        Assert.Contains(online, await Numbers(otherWithDepartment, $"?queue=window-clerk&number={online}"));
        Assert.DoesNotContain(online, await Numbers(otherWithDepartment, "?queue=station"));
        Assert.Contains("本驿站", WebUtility.HtmlDecode(await colleague.GetStringAsync("/admin/cases")), StringComparison.Ordinal);
    }

    [Theory]
    [DatabaseLanes]
    public async Task Staff_of_a_station_see_and_rectify_the_ratings_of_its_cases_only(DatabaseLane lane)
    {
        var app = await apps.For(lane);
        var (station, elsewhere) = ("st-" + Guid.NewGuid().ToString("N")[..8], "st-" + Guid.NewGuid().ToString("N")[..8]);
        var citizen = await app.CitizenAsync();
        var atStation = await RatedAsync(app, citizen, await StationWalkInAsync(app, citizen, station));
        var atOther = await RatedAsync(app, citizen, await StationWalkInAsync(app, citizen, elsewhere));
        var online = await RatedAsync(app, citizen, await citizen.Client.ApplyAsync());
        var staff = await app.SignInAsync("驿站整改", new StaffScope(null, station, []), Policies.WindowClerk);

        var listed = (await (await staff.GetAsync("/api/applications/ratings")).JsonAsync()).EnumerateArray().Select(r => r.GetProperty("id").GetGuid()).ToList();
        Assert.Contains(atStation, listed);
        Assert.DoesNotContain(atOther, listed);
        Assert.DoesNotContain(online, listed);
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync($"/api/applications/ratings/{atStation}")).StatusCode);
        (await staff.PostAsJsonAsync($"/api/applications/ratings/{atStation}/call-back", new { outcome = "驿站已回访" })).EnsureSuccessStatusCode();
        foreach (var id in new[] { atOther, online })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync($"/api/applications/ratings/{id}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await staff.PostAsJsonAsync($"/api/applications/ratings/{id}/call-back", new { outcome = "x" })).StatusCode);
        }
        var page = await staff.GetStringAsync("/admin/ratings");
        Assert.Contains(atStation.ToString(), page, StringComparison.Ordinal);
        Assert.DoesNotContain(online.ToString(), page, StringComparison.Ordinal);
    }

    [Theory]
    [DatabaseLanes]
    public async Task Staff_of_a_station_see_and_answer_the_supervision_orders_of_its_cases_only(DatabaseLane lane)
    {
        var app = await apps.For(lane);
        var (station, elsewhere) = ("st-" + Guid.NewGuid().ToString("N")[..8], "st-" + Guid.NewGuid().ToString("N")[..8]);
        var citizen = await app.CitizenAsync();
        var supervisor = await app.SignInAsync("驿站督查", Policies.EfficiencySupervisor);
        async Task<Guid> OrderAsync(string number) => (await (await supervisor.PostAsJsonAsync("/api/applications/supervision/orders",
            new { caseNumber = number, requirement = "请尽快受理", answerBy = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(3) })).JsonAsync()).GetProperty("id").GetGuid();
        var atStation = await OrderAsync(await StationWalkInAsync(app, citizen, station));
        var atOther = await OrderAsync(await StationWalkInAsync(app, citizen, elsewhere));
        var online = await OrderAsync(await citizen.Client.ApplyAsync());

        var staff = await app.SignInAsync("驿站督办", new StaffScope(null, station, []), Policies.StationAgent);
        var listed = (await (await staff.GetAsync("/api/applications/supervision/orders")).JsonAsync()).EnumerateArray().Select(o => o.GetProperty("id").GetGuid()).ToList();
        Assert.Equal([atStation], listed.Where(id => id == atStation || id == atOther || id == online));
        // Answering is the department's: the station's window clerk of another department answers its station's order, not another station's.
        var clerk = await app.SignInAsync("驿站窗口督办", new StaffScope(TestBundles.OtherDepartment, station, []), Policies.WindowClerk);
        Assert.Equal(HttpStatusCode.NotFound, (await clerk.PostAsJsonAsync($"/api/applications/supervision/orders/{atOther}/answer", new { answer = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await clerk.PostAsJsonAsync($"/api/applications/supervision/orders/{online}/answer", new { answer = "x" })).StatusCode);
        (await clerk.PostAsJsonAsync($"/api/applications/supervision/orders/{atStation}/answer", new { answer = "已受理" })).EnsureSuccessStatusCode();
    }

    /// <summary>A walk-in of the simple item at <paramref name="station"/>: its number.</summary>
    private static async Task<string> StationWalkInAsync(TongbanApp app, Citizen citizen, string station)
    {
        var clerk = await app.SignInAsync("驿站收件", new StaffScope(null, station, []), Policies.WindowClerk);
        return (await (await clerk.PostAsJsonAsync("/api/applications/walk-ins", new
        {
            idNumber = citizen.IdNumber, itemCode = TestCatalog.Simple, key = Guid.NewGuid().ToString("N"),
            application = new { form = TestCatalog.ValidForm, materials = TestCatalog.AllMaterials },
        })).JsonAsync()).GetProperty("number").GetString()!;
    }

    /// <summary>Concludes the case and rates it badly: the rating's id.</summary>
    private static async Task<Guid> RatedAsync(TongbanApp app, Citizen citizen, string number)
    {
        await RatingHttpTests.ConcludeAsync(app, number);
        return (await (await citizen.Client.PostAsJsonAsync($"/api/applications/my/cases/{number}/rating",
            new { level = "Dissatisfied", indicators = new[] { "once" } })).JsonAsync()).GetProperty("id").GetGuid();
    }

    [Theory]
    [DatabaseLanes]
    public async Task The_admin_menu_links_ratings_supervision_and_the_agent_page_to_the_roles_that_work_them(DatabaseLane lane)
    {
        var app = await apps.For(lane);
        async Task<string> Menu(string role) => await (await app.SignInAsync("菜单" + role, role)).GetStringAsync("/admin");

        var reviewer = await Menu(Policies.Reviewer);
        Assert.Contains("href=\"/admin/ratings\"", reviewer, StringComparison.Ordinal);
        Assert.Contains("href=\"/admin/supervision/orders\"", reviewer, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/admin/supervision\"", reviewer, StringComparison.Ordinal);
        var supervisor = await Menu(Policies.EfficiencySupervisor);
        Assert.Contains("href=\"/admin/ratings\"", supervisor, StringComparison.Ordinal);
        Assert.Contains("href=\"/admin/supervision\"", supervisor, StringComparison.Ordinal);
        Assert.Contains("href=\"/admin/cases/agent\"", await Menu(Policies.StationAgent), StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/admin/cases/agent\"", await Menu(Policies.WindowClerk), StringComparison.Ordinal);
    }

    /// <summary>The numbers on the first page of a workbench queue; a test looking for its own case names it, as other classes fill the same departments' queues.</summary>
    private static async Task<List<string?>> Numbers(HttpClient staff, string query) =>
        [.. (await (await staff.GetAsync($"/api/applications/cases{query}")).JsonAsync()).GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("number").GetString())];

    private static async Task<bool> LookupAuditedAsync(TongbanApp app, string masked, string purpose)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationsDbContext>();
        var payloads = await db.OutboxMessages.AsNoTracking().Where(m => m.Type == "kernel.audit" && m.Payload.Contains("applications.applicant_looked_up"))
            .Select(m => m.Payload).ToListAsync(TestContext.Current.CancellationToken);
        return payloads.Select(p => JsonDocument.Parse(p).RootElement.GetRawText()).Any(p => p.Contains(masked, StringComparison.Ordinal) && System.Text.RegularExpressions.Regex.Unescape(p).Contains(purpose, StringComparison.Ordinal));
    }
}
