using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;

namespace Tongban.Halls.Tests;

/// <summary>
/// A walk-in case started from the ticket called to a window (the visit is the case's trip, against the ticket), and the
/// window's rating of that visit joining the case's 好差评; a bad one opens the rectification, also with no case.
/// </summary>
public sealed class CounterCaseTests(LaneApps lanes)
{
    private const string Hall = DemoHalls.Kaiyuan, Department = DemoHalls.KaiyuanDepartment, Window = "05", Category = "E";
    private const string Item = "11211200025881318U00012100600001"; // 个体工商户设立登记 (市场监管局)

    [Theory, DatabaseLanes]
    public async Task A_walk_in_from_the_called_ticket_records_the_visit_and_the_windows_rating_joins_the_cases_with_a_rectification(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var idNumber = TestPeople.NewIdNumber();
        var (_, _, citizen) = await app.RegisterCitizenAsync("现场评价人", idNumber);
        var verifier = await app.SignInAsync("核验窗口", Kernel.Security.Policies.WindowClerk);
        using (var verified = await verifier.PostFormAsync("/admin/identity/verify-in-person", "/admin/identity/verify-in-person", ("IdNumber", idNumber), ("Name", "现场评价人")))
            Assert.Equal(HttpStatusCode.OK, verified.StatusCode);
        var clerk = await app.ClerkAsync(Department);
        var ticket = await CalledAsync(app, clerk);

        var counter = WebUtility.HtmlDecode(await clerk.GetStringAsync($"/halls/{Hall}/counter/{Window}"));
        var start = $"/admin/cases/walk-in?hall={Hall}&window={Window}&ticket={ticket}";
        Assert.Contains($"href=\"{start}\"", counter, StringComparison.Ordinal);
        Assert.Contains($"为 {ticket} 号办理人收件", WebUtility.HtmlDecode(await clerk.GetStringAsync(start)), StringComparison.Ordinal);

        // Another ticket than the one at the window, or a clerk of another department: refused, no case.
        Assert.Equal("calling.ticket_not_at_window", await CodeOf(await WalkInAsync(clerk, idNumber, "E999"), HttpStatusCode.Conflict));
        var stranger = await app.ClerkAsync(DemoHalls.YinzhouDepartment);
        Assert.Equal("calling.not_your_window", await CodeOf(await WalkInAsync(stranger, idNumber, ticket), HttpStatusCode.Forbidden));
        Assert.Empty((await JsonOf(await citizen.GetAsync("/api/applications/my/cases"))).GetProperty("cases").EnumerateArray());

        using var registered = await WalkInAsync(clerk, idNumber, ticket);
        var @case = await JsonOf(registered, HttpStatusCode.Created);
        var number = @case.GetProperty("number").GetString()!;
        var visit = Assert.Single(@case.GetProperty("trips").GetProperty("visits").EnumerateArray());
        Assert.Contains($"{Window}号窗口 {ticket}号", visit.GetProperty("place").GetString(), StringComparison.Ordinal);
        Assert.Contains($"window {Window}, ticket {ticket}", visit.GetProperty("place").GetString(), StringComparison.Ordinal);
        Assert.Contains("开原", visit.GetProperty("place").GetString(), StringComparison.Ordinal); // the hall by name

        using (await clerk.ActAsync(Hall, Window, "finish")) { }
        var tablet = await app.TabletAsync(clerk, Hall, Window);
        using (var rated = await tablet.PostAsJsonAsync($"/api/halls/{Hall}/windows/{Window}/rating", new { ticket, level = 1, indicators = new[] { "attitude" }, comment = "窗口态度差" }))
            Assert.Equal(HttpStatusCode.OK, rated.StatusCode);
        await app.DrainOutboxAsync();
        await app.DrainOutboxAsync(); // delivered twice: kept once

        var ratings = (await JsonOf(await clerk.GetAsync("/api/applications/ratings"))).EnumerateArray().Where(r => r.GetProperty("caseNumber").GetString() == number).ToList();
        var rating = Assert.Single(ratings);
        Assert.True(rating.GetProperty("onSite").GetBoolean());
        Assert.Equal(("VeryDissatisfied", "Open", "窗口态度差"), (rating.GetProperty("level").GetString(), rating.GetProperty("rectification").GetString(), rating.GetProperty("comment").GetString()));
        Assert.Contains($"{Window}号窗口 {ticket}号", rating.GetProperty("place").GetString(), StringComparison.Ordinal);
        Assert.Contains($"window {Window}, ticket {ticket}", rating.GetProperty("placeEn").GetString(), StringComparison.Ordinal);
        var supervisor = await app.SignInAsync("现场评价督查", Kernel.Security.Policies.EfficiencySupervisor); // the item is another department's
        var casePage = WebUtility.HtmlDecode(await supervisor.GetStringAsync($"/admin/cases/{number}"));
        Assert.Contains("id=\"case-ratings\"", casePage, StringComparison.Ordinal);
        Assert.Contains("非常不满意</a> · 现场评价", casePage, StringComparison.Ordinal);
        // In the 好差评 figures: the window's department, the case's item, the channel where it was given.
        var today = $"{app.Services.GetRequiredService<Kernel.Time.RegionClock>().Today:yyyy-MM-dd}";
        var bad = await JsonOf(await supervisor.GetAsync($"/api/statistics/bad-ratings?by=channel&from={today}&to={today}&department={Department}"));
        Assert.Contains(bad.GetProperty("rows").EnumerateArray(), r => r.GetProperty("key").GetString() == "window" && r.GetProperty("value").GetDecimal() >= 1);
        var byItem = await JsonOf(await supervisor.GetAsync($"/api/statistics/bad-ratings?by=item&from={today}&to={today}&department={Department}"));
        Assert.Equal(1m, byItem.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("key").GetString() == Item).GetProperty("value").GetDecimal());

        // The case's applicant is known: the department calls back before reporting, as for a rating online.
        var id = rating.GetProperty("id").GetGuid();
        Assert.Equal("rating.callback_required", await CodeOf(await clerk.PostAsJsonAsync($"/api/applications/ratings/{id}/report", new { report = "已整改" }), HttpStatusCode.Conflict));
        // The applicant's own rating online is still theirs to give once the case concludes: the on-site one is not it.
        using var own = await citizen.GetAsync($"/api/applications/my/cases/{number}/rating");
        Assert.Equal(HttpStatusCode.NotFound, own.StatusCode);
    }

    [Theory, DatabaseLanes]
    public async Task A_person_coming_back_with_a_new_ticket_is_recorded_on_their_case_and_the_windows_rating_joins_it(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var idNumber = TestPeople.NewIdNumber();
        await app.RegisterCitizenAsync("再次到场人", idNumber);
        var verifier = await app.SignInAsync("核验窗口", Kernel.Security.Policies.WindowClerk);
        using (await verifier.PostFormAsync("/admin/identity/verify-in-person", "/admin/identity/verify-in-person", ("IdNumber", idNumber), ("Name", "再次到场人"))) { }
        var clerk = await app.ClerkAsync(Department);
        var first = await CalledAsync(app, clerk);
        using var registered = await WalkInAsync(clerk, idNumber, first);
        var number = (await JsonOf(registered, HttpStatusCode.Created)).GetProperty("number").GetString()!;
        using (await clerk.ActAsync(Hall, Window, "finish")) { }

        var again = await CalledAsync(app, clerk); // back with a correction, on a new ticket
        var counter = WebUtility.HtmlDecode(await clerk.GetStringAsync($"/halls/{Hall}/counter/{Window}"));
        var visitPage = $"/admin/cases/ticket-visit?hall={Hall}&window={Window}&ticket={again}";
        Assert.Contains($"href=\"{visitPage}\"", counter, StringComparison.Ordinal);
        Assert.Equal("calling.ticket_not_at_window", await CodeOf(await clerk.PostAsJsonAsync($"/api/applications/cases/{number}/record-trip",
            new { hall = Hall, window = Window, ticket = "E998", purpose = "补正材料", idNumber }), HttpStatusCode.Conflict));
        // The case is found by its number and its applicant together: another person's ID number finds nothing.
        var (stranger, _, _) = await app.RegisterCitizenAsync("旁人");
        Assert.Equal("not_found", await CodeOf(await clerk.PostAsJsonAsync($"/api/applications/cases/{number}/record-trip",
            new { hall = Hall, window = Window, ticket = again, purpose = "补正材料", idNumber = stranger }), HttpStatusCode.NotFound));
        foreach (var (caseNumber, person) in new[] { ("NO-SUCH-CASE", idNumber), (number, stranger) })
        {
            using var unknown = await clerk.PostFormAsync(visitPage, visitPage, ("Number", caseNumber), ("Input.IdNumber", person), ("Input.Purpose", "补正材料"),
                ("Input.Hall", Hall), ("Input.Window", Window), ("Input.Ticket", again));
            Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
            var refused = WebUtility.HtmlDecode(await unknown.Content.ReadAsStringAsync());
            Assert.Contains("该身份证号的申请人没有这个编号的办件", refused, StringComparison.Ordinal);
            Assert.DoesNotContain(person, refused, StringComparison.Ordinal); // the ID number is not shown back
        }
        using (var recorded = await clerk.PostFormAsync(visitPage, visitPage, ("Number", number), ("Input.IdNumber", idNumber), ("Input.Purpose", "补正材料"),
                   ("Input.Hall", Hall), ("Input.Window", Window), ("Input.Ticket", again)))
        {
            var done = recorded.Headers.Location!.OriginalString;
            Assert.Equal($"/admin/cases/ticket-visit?hall={Hall}&window={Window}&recorded={number}", done);
            Assert.Contains($"已在办件 {number} 登记本次到场", WebUtility.HtmlDecode(await clerk.GetStringAsync(done)), StringComparison.Ordinal);
        }
        Assert.Equal("case.ticket_already_recorded", await CodeOf(await clerk.PostAsJsonAsync($"/api/applications/cases/{number}/record-trip",
            new { hall = Hall, window = Window, ticket = again, purpose = "补正材料", idNumber }), HttpStatusCode.Conflict));

        var supervisor = await app.SignInAsync("到场督查", Kernel.Security.Policies.EfficiencySupervisor); // the item is another department's
        var visits = (await JsonOf(await supervisor.GetAsync($"/api/applications/cases/{number}"))).GetProperty("trips").GetProperty("visits").EnumerateArray().ToList();
        Assert.Equal(2, visits.Count);
        Assert.Contains($"{Window}号窗口 {again}号", visits[1].GetProperty("place").GetString(), StringComparison.Ordinal);

        using (await clerk.ActAsync(Hall, Window, "finish")) { }
        var tablet = await app.TabletAsync(clerk, Hall, Window);
        using (var rated = await tablet.PostAsJsonAsync($"/api/halls/{Hall}/windows/{Window}/rating", new { ticket = again, level = 5, indicators = new[] { "attitude" } }))
            Assert.Equal(HttpStatusCode.OK, rated.StatusCode);
        await app.DrainOutboxAsync();
        var rating = Assert.Single((await JsonOf(await clerk.GetAsync("/api/applications/ratings"))).EnumerateArray(), r => r.GetProperty("caseNumber").GetString() == number);
        Assert.True(rating.GetProperty("onSite").GetBoolean());
        Assert.Contains($"{again}号", rating.GetProperty("place").GetString(), StringComparison.Ordinal);
    }

    [Theory, DatabaseLanes]
    public async Task A_bad_rating_of_a_visit_that_started_no_case_opens_the_departments_rectification_seen_by_no_other(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var clerk = await app.ClerkAsync(Department);
        var ticket = await CalledAsync(app, clerk);
        using (await clerk.ActAsync(Hall, Window, "finish")) { }
        var tablet = await app.TabletAsync(clerk, Hall, Window);
        using (var rated = await tablet.PostAsJsonAsync($"/api/halls/{Hall}/windows/{Window}/rating", new { ticket, level = 2, comment = "等候太久" }))
            Assert.Equal(HttpStatusCode.OK, rated.StatusCode);
        await app.DrainOutboxAsync();

        var rating = (await JsonOf(await clerk.GetAsync("/api/applications/ratings?rectifications=true"))).EnumerateArray()
            .Single(r => r.GetProperty("place").GetString()?.Contains($"{ticket}号", StringComparison.Ordinal) == true && r.GetProperty("comment").GetString() == "等候太久");
        Assert.Equal(JsonValueKind.Null, rating.GetProperty("caseNumber").ValueKind);
        Assert.Equal(("Dissatisfied", "Open"), (rating.GetProperty("level").GetString(), rating.GetProperty("rectification").GetString()));
        var id = rating.GetProperty("id").GetGuid();

        var stranger = await app.ClerkAsync(DemoHalls.YinzhouDepartment);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/applications/ratings/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsJsonAsync($"/api/applications/ratings/{id}/report", new { report = "x" })).StatusCode);
        var page = WebUtility.HtmlDecode(await clerk.GetStringAsync($"/admin/ratings/{id}"));
        Assert.Contains("现场服务评价", page, StringComparison.Ordinal);
        Assert.Contains("无法回访", page, StringComparison.Ordinal);
        Assert.DoesNotContain(id.ToString(), page.Replace($"/admin/ratings/{id}", "", StringComparison.Ordinal).Replace($"%2Fadmin%2Fratings%2F{id}", "", StringComparison.Ordinal), StringComparison.Ordinal); // in addresses only

        // No rater to call back: the report closes the step directly.
        var reported = await JsonOf(await clerk.PostAsJsonAsync($"/api/applications/ratings/{id}/report", new { report = "已增开窗口，缩短等候" }));
        Assert.Equal("Reported", reported.GetProperty("rectification").GetString());
    }

    /// <summary>Takes a ticket and calls at the window until it is the one called; its number.</summary>
    private static async Task<string> CalledAsync(TongbanApp app, HttpClient clerk)
    {
        var ticket = await app.Browser().TakeAsync(Hall, Category);
        while (await clerk.CallAsync(Hall, Window) is { } n && n != ticket.Number) { }
        return ticket.Number;
    }

    private static Task<HttpResponseMessage> WalkInAsync(HttpClient clerk, string idNumber, string ticket) =>
        clerk.PostAsJsonAsync("/api/applications/walk-ins", new
        {
            idNumber, itemCode = Item, key = Guid.NewGuid().ToString("N"), hall = Hall, window = Window, ticket,
            application = new
            {
                form = new Dictionary<string, string>
                {
                    ["business_name"] = "开原现场收件小吃部", ["organisation"] = "personal", ["scope"] = "小吃", ["address"] = "开原市新城街道9号",
                    ["division"] = "211282000000", ["capital"] = "30000", ["mobile"] = "13900000003",
                },
                materials = new Dictionary<string, string> { ["application_form"] = "申请书原件", ["operator_id_card"] = "身份证原件已核验", ["premises_proof"] = "租赁合同原件" },
            },
        });

    private static async Task<string> CodeOf(HttpResponseMessage response, HttpStatusCode expected)
    {
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {body}");
            return JsonDocument.Parse(body).RootElement.GetProperty("code").GetString()!;
        }
    }

    private static async Task<JsonElement> JsonOf(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
