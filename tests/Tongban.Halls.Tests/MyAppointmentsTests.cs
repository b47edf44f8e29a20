using System.Net;
using System.Net.Http.Json;

namespace Tongban.Halls.Tests;

internal sealed record MyAppointment(string Code, string Hall, string HallName, string Category, string? Item, string Date, string From, string To, string State, bool Upcoming, string Link, string? BookedFor = null);

/// <summary>我的预约: one's own appointments across halls, those to come first, by name and local time, linked to their pages; nobody else's.</summary>
public sealed class MyAppointmentsTests(LaneApps lanes)
{
    [Theory, DatabaseLanes]
    public async Task A_holder_lists_own_appointments_of_every_hall_upcoming_first_and_another_account_sees_none(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var (id, _, holder) = await app.RegisterCitizenAsync("我的预约甲");
        var (_, _, other) = await app.RegisterCitizenAsync("我的预约乙");
        var holderId = await app.AccountIdAsync(id);
        var (date, slots) = await holder.FreeDayAsync(DemoHalls.Qinghe, "D");
        var soon = await holder.BookedAsync(DemoHalls.Qinghe, "D", date, slots[0].From);
        var (laterDate, laterSlots) = await holder.FreeDayAsync(DemoHalls.Kaiyuan, "A", skip: 3);
        var later = await holder.BookedAsync(DemoHalls.Kaiyuan, "A", laterDate, laterSlots[^1].From);
        var (cancelDate, cancelSlots) = await holder.FreeDayAsync(DemoHalls.Kaiyuan, "B", skip: 2);
        var cancelled = await holder.BookedAsync(DemoHalls.Kaiyuan, "B", cancelDate, cancelSlots[0].From);
        using (var c = await holder.PostAsync($"/api/halls/{DemoHalls.Kaiyuan}/appointments/{cancelled.Code}/cancel", null)) Assert.Equal(HttpStatusCode.NoContent, c.StatusCode);
        var missed = await app.PlaceAsync(DemoHalls.Xifeng, "C", holderId, DateTimeOffset.UtcNow.AddDays(-3), TimeSpan.FromMinutes(30));

        var mine = (await holder.GetFromJsonAsync<List<MyAppointment>>("/api/halls/appointments/mine"))!;
        Assert.Equal(4, mine.Count);
        var toCome = new[] { soon, later }.OrderBy(b => b.Date, StringComparer.Ordinal).ThenBy(b => b.From, StringComparer.Ordinal).Select(b => b.Code);
        Assert.Equal(toCome, mine.Take(2).Select(m => m.Code)); // to come first, soonest first
        Assert.Equal([cancelled.Code, missed], mine.Skip(2).Select(m => m.Code)); // then the rest, latest first
        Assert.Equal([true, true, false, false], mine.Select(m => m.Upcoming));
        Assert.Equal(["Booked", "Booked"], mine.Take(2).Select(m => m.State));
        Assert.Contains(mine, m => m.Code == missed && m.State == "Missed");
        Assert.Contains(mine, m => m.Code == cancelled.Code && m.State == "Cancelled");
        var first = mine.Single(m => m.Code == soon.Code);
        Assert.Equal(("清河区公共行政服务中心", date, slots[0].From, $"/halls/{DemoHalls.Qinghe}/appointments/{soon.Code}"), (first.HallName, first.Date, first.From, first.Link));

        var page = WebUtility.HtmlDecode(await holder.GetStringAsync("/my/appointments"));
        var upcoming = page[page.IndexOf("id=\"upcoming-appointments\"", StringComparison.Ordinal)..page.IndexOf("id=\"past-heading\"", StringComparison.Ordinal)];
        Assert.True(upcoming.IndexOf(toCome.First(), StringComparison.Ordinal) < upcoming.IndexOf(toCome.Last(), StringComparison.Ordinal));
        Assert.Contains($"href=\"/halls/{DemoHalls.Qinghe}/appointments/{soon.Code}\"", upcoming, StringComparison.Ordinal);
        Assert.Contains($"{slots[0].From}–{slots[0].To}", upcoming, StringComparison.Ordinal);
        Assert.Contains("清河区公共行政服务中心", upcoming, StringComparison.Ordinal);
        Assert.Contains("开原市公共行政服务中心", upcoming, StringComparison.Ordinal);
        var past = page[page.IndexOf("id=\"past-appointments\"", StringComparison.Ordinal)..];
        Assert.Contains("未到", past, StringComparison.Ordinal);
        Assert.Contains("已取消", past, StringComparison.Ordinal);
        Assert.Contains("西丰县公共行政服务中心", past, StringComparison.Ordinal);
        Assert.DoesNotContain(holderId.ToString(), page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("+00:00", page, StringComparison.Ordinal);
        Assert.DoesNotContain(">Booked<", page, StringComparison.Ordinal); // states in words, not the raw enum
        Assert.Contains("href=\"/my/appointments\" id=\"my-appointments-link\"", page, StringComparison.Ordinal); // in the person's own area, on every page
        Assert.Contains("href=\"/my/appointments\"", await holder.GetStringAsync($"/halls/{DemoHalls.Qinghe}/appointments/{soon.Code}"), StringComparison.Ordinal);

        Assert.Empty((await other.GetFromJsonAsync<List<MyAppointment>>("/api/halls/appointments/mine"))!);
        var theirs = await other.GetStringAsync("/my/appointments");
        Assert.Contains("id=\"no-upcoming\"", theirs, StringComparison.Ordinal);
        foreach (var code in new[] { soon.Code, later.Code, cancelled.Code, missed })
        {
            Assert.DoesNotContain(code, theirs, StringComparison.Ordinal);
            using var peek = await other.GetAsync($"/halls/{DemoHalls.Kaiyuan}/appointments/{code}");
            Assert.Equal(HttpStatusCode.NotFound, peek.StatusCode);
        }
        using (var anonymous = await app.Browser().GetAsync("/api/halls/appointments/mine")) Assert.NotEqual(HttpStatusCode.OK, anonymous.StatusCode);
        using (var anonymousPage = await app.Browser().GetAsync("/my/appointments")) Assert.NotEqual(HttpStatusCode.OK, anonymousPage.StatusCode);
        using (await holder.PostAsync($"/api/halls/{DemoHalls.Qinghe}/appointments/{soon.Code}/cancel", null)) { }
        using (await holder.PostAsync($"/api/halls/{DemoHalls.Kaiyuan}/appointments/{later.Code}/cancel", null)) { }
    }

    [Theory, DatabaseLanes]
    public async Task Hostile_query_strings_and_methods_on_my_appointments_get_the_list_or_a_refusal_never_a_server_error(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var (_, _, citizen) = await app.RegisterCitizenAsync("我的预约丙");
        foreach (var input in Fuzz.Strings("mine", mutations: 15, seed: lane == DatabaseLane.Sqlite ? 7 : 11))
        {
            using var page = await citizen.GetAsync($"/my/appointments?holder={Uri.EscapeDataString(input)}&hall={Uri.EscapeDataString(input)}");
            await Fuzz.AssertHandledAsync(page, input, HttpStatusCode.OK);
            Assert.DoesNotContain("<script>alert", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            using var api = await citizen.GetAsync($"/api/halls/appointments/mine?holder={Uri.EscapeDataString(input)}");
            Assert.Empty((await api.Content.ReadFromJsonAsync<List<MyAppointment>>())!); // a holder named in the address is not read
        }
        using var post = await citizen.PostAsync("/api/halls/appointments/mine", null);
        Assert.True((int)post.StatusCode is >= 400 and < 500, post.StatusCode.ToString());
    }
}
