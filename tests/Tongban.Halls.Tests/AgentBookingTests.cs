using System.Net;
using System.Net.Http.Json;
using System.Text;
using Tongban.Kernel.Security;

namespace Tongban.Halls.Tests;

/// <summary>
/// 代办预约: a station agent books, moves and cancels for a principal who authorised them for the item (the identity
/// module's proxy authorisation); the principal holds the appointment, both are named in the audit; without an
/// authorisation in force, 403 in both languages and nothing written.
/// </summary>
public sealed class AgentBookingTests(LaneApps lanes)
{
    private const string YinzhouItem = "11211202070242291R00012100200001"; // 企业设立登记, of the district's department (windows of B and C)
    private const string OtherItem = "11211200028410570F00010100100001";

    private static async Task<(Guid Principal, HttpClient PrincipalClient, Guid AgentId, string AgentIdNumber, HttpClient Agent)> PeopleAsync(TongbanApp app, string name)
    {
        var (principalIdNumber, _, principal) = await app.RegisterCitizenAsync($"{name}委托人");
        var staff = await TestStaff.CreateAsync(app, $"{name}代办员", Policies.StationAgent, ("Input.StationKey", "tlx-xintaizi"));
        var agent = await TestStaff.SignInAsync(app, staff.IdNumber);
        return (await app.AccountIdAsync(principalIdNumber), principal, staff.Id, staff.IdNumber, agent);
    }

    private static async Task<Guid> GrantAsync(HttpClient principal, string agentIdNumber, string agentName, params string[] items)
    {
        using var granted = await principal.PostAsJsonAsync("/api/identity/proxies", new { agentIdNumber, agentName, itemCodes = items, validUntil = DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd") });
        Assert.True(granted.StatusCode == HttpStatusCode.Created, await granted.Content.ReadAsStringAsync());
        return (await granted.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetGuid();
    }

    private static Task<HttpResponseMessage> BookForAsync(HttpClient agent, string date, string time, object? principal, string? item) =>
        agent.PostAsJsonAsync($"/api/halls/{DemoHalls.Yinzhou}/appointments", new { category = "C", date, time, item, principal });

    [Theory, DatabaseLanes]
    public async Task A_station_agent_books_moves_and_cancels_for_an_authorising_principal_who_holds_it_and_both_are_audited(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var (principalId, principal, agentId, staffIdNumber, agent) = await PeopleAsync(app, "代约甲");
        var (_, _, stranger) = await app.RegisterCitizenAsync("代约旁人");
        var (date, slots) = await agent.FreeDayAsync(DemoHalls.Yinzhou, "C");
        var slot = slots.First(s => s.Free > 0);

        // No authorisation yet: refused, in both languages, nothing booked.
        using (var refused = await BookForAsync(agent, date, slot.From, principalId, YinzhouItem))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            var problem = await refused.ProblemAsync();
            Assert.Contains("委托人没有授权您代办该事项", problem, StringComparison.Ordinal);
            Assert.Contains("has not authorised you", problem, StringComparison.Ordinal);
        }
        var authorisation = await GrantAsync(principal, staffIdNumber, "代约甲代办员", YinzhouItem);
        var form = WebUtility.HtmlDecode(await agent.GetStringAsync($"/halls/{DemoHalls.Yinzhou}/appointments?category=C&date={date}"));
        Assert.Contains("id=\"principal-choice\"", form, StringComparison.Ordinal); // the page offers the principals who authorised the agent
        Assert.Contains("代 代*****", form, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"principal-choice\"", await principal.GetStringAsync($"/halls/{DemoHalls.Yinzhou}/appointments?category=C&date={date}"), StringComparison.Ordinal);
        using (var otherItem = await BookForAsync(agent, date, slot.From, principalId, OtherItem)) Assert.Equal(HttpStatusCode.Forbidden, otherItem.StatusCode);
        using (var noItem = await BookForAsync(agent, date, slot.From, principalId, null)) Assert.Equal(HttpStatusCode.Forbidden, noItem.StatusCode);
        Assert.Equal(slot.Free, (await agent.SlotsAsync(DemoHalls.Yinzhou, "C", date)).Single(s => s.From == slot.From).Free);
        Assert.Empty((await principal.GetFromJsonAsync<List<MyAppointment>>("/api/halls/appointments/mine"))!);

        // Authorised for the item: the principal holds it, the agent booked it.
        var booked = await (await BookForAsync(agent, date, slot.From, principalId, YinzhouItem)).Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        var code = booked.GetProperty("code").GetString()!;
        Assert.True(booked.GetProperty("byAgent").GetBoolean());
        Assert.Equal("代*****", booked.GetProperty("principal").GetString()); // masked
        var held = Assert.Single((await principal.GetFromJsonAsync<List<MyAppointment>>("/api/halls/appointments/mine"))!);
        Assert.Equal((code, null), (held.Code, held.BookedFor)); // the principal's own
        var made = Assert.Single((await agent.GetFromJsonAsync<List<MyAppointment>>("/api/halls/appointments/mine"))!);
        Assert.Equal((code, "代*****"), (made.Code, made.BookedFor)); // on the agent's list too, naming whom it is for, masked
        var agentList = WebUtility.HtmlDecode(await agent.GetStringAsync("/my/appointments"));
        Assert.Contains("代 代***** 预约", agentList, StringComparison.Ordinal);
        Assert.Empty((await stranger.GetFromJsonAsync<List<MyAppointment>>("/api/halls/appointments/mine"))!); // nobody else's
        var seen = WebUtility.HtmlDecode(await principal.GetStringAsync($"/halls/{DemoHalls.Yinzhou}/appointments/{code}"));
        Assert.Contains("由您授权的代办人代为预约", seen, StringComparison.Ordinal);
        var agentPage = WebUtility.HtmlDecode(await agent.GetStringAsync($"/halls/{DemoHalls.Yinzhou}/appointments/{code}"));
        Assert.Contains("代*****（您代为预约）", agentPage, StringComparison.Ordinal);
        Assert.DoesNotContain(principalId.ToString(), agentPage, StringComparison.OrdinalIgnoreCase);
        using (var peek = await stranger.GetAsync($"/api/halls/{DemoHalls.Yinzhou}/appointments/{code}")) Assert.Equal(HttpStatusCode.NotFound, peek.StatusCode);
        using (var cancelled = await stranger.PostAsync($"/api/halls/{DemoHalls.Yinzhou}/appointments/{code}/cancel", null)) Assert.Equal(HttpStatusCode.NotFound, cancelled.StatusCode);

        var later = slots.Last(s => s.Free > 0 && s.From != slot.From);
        using (var moved = await agent.PostAsJsonAsync($"/api/halls/{DemoHalls.Yinzhou}/appointments/{code}/move", new { date, time = later.From }))
            Assert.True(moved.StatusCode == HttpStatusCode.OK, await moved.Content.ReadAsStringAsync());
        var audit = await app.AuditOfAsync($"hall:{DemoHalls.Yinzhou}/appointment:{code}");
        Assert.Equal([("halls.appointment_booked", $"user:{agentId} for user:{principalId}"), ("halls.appointment_moved", $"user:{agentId} for user:{principalId}")],
            audit.Select(a => (a.Action, a.Actor)));

        // Revoked: the agent may no longer cancel it; the principal still holds it and may.
        using (await principal.PostAsync($"/api/identity/proxies/{authorisation}/revoke", null)) { }
        using (var afterRevoke = await agent.PostAsync($"/api/halls/{DemoHalls.Yinzhou}/appointments/{code}/cancel", null))
        {
            Assert.Equal(HttpStatusCode.Forbidden, afterRevoke.StatusCode);
            Assert.Contains("或授权已过期、已撤销", await afterRevoke.ProblemAsync(), StringComparison.Ordinal);
        }
        Assert.Equal("Booked", (await principal.GetFromJsonAsync<BookedAppointment>($"/api/halls/{DemoHalls.Yinzhou}/appointments/{code}"))!.State);
        using (var own = await principal.PostAsync($"/api/halls/{DemoHalls.Yinzhou}/appointments/{code}/cancel", null)) Assert.Equal(HttpStatusCode.NoContent, own.StatusCode);
        Assert.Equal(("halls.appointment_cancelled", $"user:{principalId}"), (await app.AuditOfAsync($"hall:{DemoHalls.Yinzhou}/appointment:{code}")).Select(a => (a.Action, a.Actor)).Last());
    }

    [Theory, DatabaseLanes]
    public async Task Hostile_principals_and_items_are_refused_never_a_server_error_and_book_nothing(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var (principalId, principal, agentId, agentIdNumber, agent) = await PeopleAsync(app, "代约乙");
        await GrantAsync(principal, agentIdNumber, "代约乙代办员", YinzhouItem);
        var (date, slots) = await agent.FreeDayAsync(DemoHalls.Yinzhou, "C", skip: 2);
        var from = slots.First(s => s.Free > 0).From;
        HttpStatusCode[] refusals = [HttpStatusCode.BadRequest, HttpStatusCode.Forbidden, HttpStatusCode.NotFound, HttpStatusCode.UnprocessableEntity, HttpStatusCode.Conflict];
        foreach (var input in Fuzz.Strings(principalId.ToString(), mutations: 15, seed: lane == DatabaseLane.Sqlite ? 5 : 9).Where(s => !Guid.TryParse(s, out var g) || g != principalId))
        {
            using var raw = await agent.PostAsync($"/api/halls/{DemoHalls.Yinzhou}/appointments",
                new StringContent($$"""{"category":"C","date":"{{date}}","time":"{{from}}","item":"{{YinzhouItem}}","principal":{{System.Text.Json.JsonSerializer.Serialize(input)}}}""", Encoding.UTF8, "application/json"));
            await Fuzz.AssertHandledAsync(raw, input, refusals);
            using var page = await agent.PostFormAsync($"/halls/{DemoHalls.Yinzhou}/appointments?category=C&date={date}", $"/halls/{DemoHalls.Yinzhou}/appointments?category=C&date={date}",
                ("Category", "C"), ("Date", date), ("Time", from), ("Item", YinzhouItem), ("Principal", input));
            await Fuzz.AssertHandledAsync(page, input, string.IsNullOrWhiteSpace(input) ? [HttpStatusCode.Redirect, .. refusals] : refusals); // empty is "myself" on the form
            Assert.DoesNotContain("<script>alert", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        foreach (var principalOf in new object?[] { Guid.Empty, Guid.NewGuid(), agentId })
        foreach (var item in Fuzz.Strings(YinzhouItem, mutations: 8, seed: 3).Where(s => s.Trim() != YinzhouItem))
        {
            using var r = await BookForAsync(agent, date, from, principalOf, item);
            await Fuzz.AssertHandledAsync(r, item, refusals);
        }
        Assert.Empty((await principal.GetFromJsonAsync<List<MyAppointment>>("/api/halls/appointments/mine"))!);
        foreach (var own in (await agent.GetFromJsonAsync<List<MyAppointment>>("/api/halls/appointments/mine"))!) // "myself" (an empty principal on the form) booked for the agent: undo
            using (await agent.PostAsync($"/api/halls/{own.Hall}/appointments/{own.Code}/cancel", null)) { }
    }
}
