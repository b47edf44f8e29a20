using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Applications.Data;
using Tongban.Kernel.Identifiers;
using Tongban.Kernel.Security;

namespace Tongban.Applications.Tests;

/// <summary>
/// 上门服务 (issue #19 item 6): an elderly resident asks, the item's department names who goes, records the visit with the
/// case taken there (a trip on the case, at the resident's address), and the request closes with the case; someone else's
/// request is not found, bad requests are named field by field and nothing is kept.
/// </summary>
public sealed class HomeVisitTests(ApplicationsApps apps)
{
    private const string Address = "铁岭县新台子镇懿路村18号";

    /// <summary>A resident born in 1950 (over 60), registered and signed in.</summary>
    private static async Task<Citizen> ElderAsync(TongbanApp app, string name)
    {
        var first17 = $"2112211950{RandomNumberGenerator.GetInt32(1, 13):D2}{RandomNumberGenerator.GetInt32(1, 29):D2}{RandomNumberGenerator.GetInt32(0, 1000):D3}";
        var (id, _, client) = await app.RegisterCitizenAsync(name, first17 + ResidentIdNumber.CheckCharacter(first17));
        var me = await client.GetFromJsonAsync<JsonElement>("/api/identity/me");
        return new Citizen(id, me.GetProperty("id").GetGuid(), client);
    }

    private static object Request(string reason = "Elderly", Guid? resident = null) => new
    {
        item = TestCatalog.Simple, reason, address = Address, phone = "13912345678", preferredTimes = "工作日上午", resident,
    };

    private static Task<HttpClient> ClerkAsync(TongbanApp app, string department = TestCatalog.Department) =>
        app.SignInAsync("上门窗口", new StaffScope(department, null, []), Policies.WindowClerk);

    [Theory]
    [DatabaseLanes]
    public async Task An_elder_asks_the_department_visits_with_a_walk_in_case_the_visit_is_a_trip_and_the_request_closes_with_the_case(DatabaseLane lane)
    {
        var app = await apps.For(lane);
        var elder = await ElderAsync(app, "上门老人");
        var clerk = await ClerkAsync(app);

        var asked = await (await elder.Client.PostAsJsonAsync("/api/applications/home-visits", Request())).JsonAsync();
        var id = asked.GetProperty("id").GetGuid();
        Assert.Equal(("Requested", "测试事项（即办）"), (asked.GetProperty("state").GetString(), asked.GetProperty("itemName").GetString()));

        var listed = await (await clerk.GetAsync("/api/applications/home-visits")).JsonAsync();
        Assert.Contains(listed.EnumerateArray(), v => v.GetProperty("id").GetGuid() == id);
        var page = WebUtility.HtmlDecode(await clerk.GetStringAsync("/admin/home-visits"));
        Assert.Contains(ResidentIdNumber.Mask(elder.IdNumber), page, StringComparison.Ordinal); // masked, never whole
        Assert.DoesNotContain(elder.IdNumber, page, StringComparison.Ordinal);
        Assert.Contains(Address, page, StringComparison.Ordinal);

        Assert.Equal("Assigned", (await (await clerk.PostAsJsonAsync($"/api/applications/home-visits/{id}/assign", new { assignee = "王芳" })).JsonAsync()).GetProperty("state").GetString());
        var walkIn = await (await clerk.PostAsJsonAsync("/api/applications/walk-ins", new
        {
            idNumber = elder.IdNumber, itemCode = TestCatalog.Simple, key = Guid.NewGuid().ToString("N"), window = "上门",
            application = new { form = TestCatalog.ValidForm, materials = TestCatalog.AllMaterials },
        })).JsonAsync();
        var number = walkIn.GetProperty("number").GetString()!;
        var tripsBefore = walkIn.GetProperty("trips").GetProperty("actual").GetInt32();

        var visited = await (await clerk.PostAsJsonAsync($"/api/applications/home-visits/{id}/visit", new { caseNumber = number })).JsonAsync();

        Assert.Equal(("Visited", number), (visited.GetProperty("state").GetString(), visited.GetProperty("caseNumber").GetString()));
        var trips = (await (await clerk.GetAsync($"/api/applications/cases/{number}")).JsonAsync()).GetProperty("trips");
        Assert.Equal(tripsBefore + 1, trips.GetProperty("actual").GetInt32());
        Assert.Contains(Address, trips.GetRawText(), StringComparison.Ordinal);

        (await elder.Client.PostAsJsonAsync($"/api/applications/my/cases/{number}/withdraw", new { reason = "已经办好了" })).EnsureSuccessStatusCode();
        var mine = await (await elder.Client.GetAsync($"/api/applications/home-visits/mine/{id}")).JsonAsync();
        Assert.Equal(("Closed", "已办结"), (mine.GetProperty("state").GetString(), mine.GetProperty("stateText").GetString()));
        var myPage = WebUtility.HtmlDecode(await elder.Client.GetStringAsync("/my/home-visits"));
        Assert.Contains("王芳", myPage, StringComparison.Ordinal);
        Assert.Contains("已办结", myPage, StringComparison.Ordinal);
    }

    [Theory]
    [DatabaseLanes]
    public async Task Someone_elses_request_is_not_found_for_citizens_and_for_staff_of_another_department(DatabaseLane lane)
    {
        var app = await apps.For(lane);
        var elder = await ElderAsync(app, "上门本人");
        var id = (await (await elder.Client.PostAsJsonAsync("/api/applications/home-visits", Request())).JsonAsync()).GetProperty("id").GetGuid();
        var stranger = await app.CitizenAsync("上门路人");
        var outsider = await ClerkAsync(app, "112112000436062482");

        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Client.GetAsync($"/api/applications/home-visits/mine/{id}")).StatusCode);
        Assert.DoesNotContain(id.ToString(), await (await stranger.Client.GetAsync("/api/applications/home-visits/mine")).Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.Client.GetAsync("/api/applications/home-visits")).StatusCode); // not staff
        Assert.DoesNotContain(id.ToString(), await (await outsider.GetAsync("/api/applications/home-visits")).Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostAsJsonAsync($"/api/applications/home-visits/{id}/assign", new { assignee = "李四" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostAsJsonAsync($"/api/applications/home-visits/{id}/decline", new { reason = "不归我们" })).StatusCode);
        Assert.Equal("Requested", (await (await elder.Client.GetAsync($"/api/applications/home-visits/mine/{id}")).JsonAsync()).GetProperty("state").GetString());
    }

    [Theory]
    [DatabaseLanes]
    public async Task Bad_requests_are_named_field_by_field_and_nothing_is_kept(DatabaseLane lane)
    {
        var app = await apps.For(lane);
        var young = await app.CitizenAsync("上门无授权");
        var elder = await ElderAsync(app, "上门填错");

        using var bad = await elder.Client.PostAsJsonAsync("/api/applications/home-visits", new
        {
            item = TestCatalog.Simple, reason = "Bored", address = "短", phone = "12345", preferredTimes = "", note = new string('长', 501),
        });
        var fields = (await bad.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("errors").EnumerateArray()
            .Select(e => e.GetProperty("field").GetString()).ToHashSet();
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        Assert.Equal(new HashSet<string?> { "reason", "address", "phone", "preferred_times", "note" }, fields);
        Assert.Equal("home_visit.item", await (await elder.Client.PostAsJsonAsync("/api/applications/home-visits", new { item = "NO-SUCH'; --", reason = "Elderly" }))
            .ProblemCodeAsync(HttpStatusCode.UnprocessableEntity));
        Assert.Equal("home_visit.no_authorisation", await (await young.Client.PostAsJsonAsync("/api/applications/home-visits", Request(resident: elder.AccountId)))
            .ProblemCodeAsync(HttpStatusCode.Forbidden));

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationsDbContext>();
        Assert.False(await db.HomeVisits.AnyAsync(v => v.RequestedBy == elder.AccountId || v.RequestedBy == young.AccountId, TestContext.Current.CancellationToken));

        // A step out of turn, and a decline without its reason, change nothing.
        var id = (await (await elder.Client.PostAsJsonAsync("/api/applications/home-visits", Request())).JsonAsync()).GetProperty("id").GetGuid();
        var clerk = await ClerkAsync(app);
        Assert.Equal("home_visit.state", await (await clerk.PostAsJsonAsync($"/api/applications/home-visits/{id}/visit", new { })).ProblemCodeAsync(HttpStatusCode.Conflict));
        Assert.Equal("home_visit.decline_reason", await (await clerk.PostAsJsonAsync($"/api/applications/home-visits/{id}/decline", new { reason = "" })).ProblemCodeAsync(HttpStatusCode.UnprocessableEntity));
        Assert.Equal("Requested", (await (await elder.Client.GetAsync($"/api/applications/home-visits/mine/{id}")).JsonAsync()).GetProperty("state").GetString());
    }

    [Theory]
    [DatabaseLanes]
    public async Task An_agent_the_resident_authorised_asks_for_them_and_someone_under_sixty_cannot_ask_as_elderly(DatabaseLane lane)
    {
        var app = await apps.For(lane);
        var elder = await ElderAsync(app, "被代办老人");
        var relative = await app.CitizenAsync("老人子女");
        apps.Proxies.Grant(elder.AccountId, relative.AccountId, TestCatalog.Simple);

        var asked = await (await relative.Client.PostAsJsonAsync("/api/applications/home-visits", Request(resident: elder.AccountId))).JsonAsync();

        Assert.True(asked.GetProperty("forSomeoneElse").GetBoolean());
        Assert.Equal(asked.GetProperty("id").GetGuid(), (await (await elder.Client.GetAsync($"/api/applications/home-visits/mine/{asked.GetProperty("id").GetGuid()}")).JsonAsync()).GetProperty("id").GetGuid());
        var first17 = $"2112211990{RandomNumberGenerator.GetInt32(1, 13):D2}{RandomNumberGenerator.GetInt32(1, 29):D2}{RandomNumberGenerator.GetInt32(0, 1000):D3}";
        var (_, _, young) = await app.RegisterCitizenAsync("年轻人", first17 + ResidentIdNumber.CheckCharacter(first17));
        Assert.Equal("home_visit.not_elderly", await (await young.PostAsJsonAsync("/api/applications/home-visits", Request())).ProblemCodeAsync(HttpStatusCode.UnprocessableEntity));
        Assert.Equal("Requested", (await (await young.PostAsJsonAsync("/api/applications/home-visits", Request("Disabled"))).JsonAsync()).GetProperty("state").GetString()); // a disability: any age
    }
}
