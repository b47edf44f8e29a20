using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Halls.Data;
using Tongban.Halls.Domain;
using Tongban.Halls.Features.TakeTicket;
using Tongban.Kernel.Time;

namespace Tongban.Halls.Tests;

/// <summary>到号提醒 for walk-in tickets: a number given with the ticket or right after, texted once at three ahead, sealed, then forgotten.</summary>
public sealed class TicketReminderTests(LaneApps lanes)
{
    private const string Hall = DemoHalls.Diaobingshan, Letter = "E", Window = "05"; // 不动产登记, served at window 05 only; no other test queues here

    [Theory, DatabaseLanes]
    public async Task A_walk_in_who_gives_a_number_after_taking_the_ticket_is_texted_once_at_three_ahead_and_the_number_is_then_forgotten(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var clerk = await app.ClerkAsync(DemoHalls.DiaobingshanDepartment);
        while (await clerk.CallAsync(Hall, Window) is not null) { } // an empty queue, whatever ran before
        var kiosk = app.Browser();
        var before = new[] { await kiosk.TakeAsync(Hall, Letter), await kiosk.TakeAsync(Hall, Letter), await kiosk.TakeAsync(Hall, Letter), await kiosk.TakeAsync(Hall, Letter) };

        var (ticketPage, number, proof) = await kiosk.TakeAtKioskAsync(Hall, Letter);
        var page = WebUtility.HtmlDecode(await kiosk.GetStringAsync(ticketPage));
        Assert.Contains("到号短信提醒（可不填）", page, StringComparison.Ordinal);
        Assert.Contains("4 人", page, StringComparison.Ordinal);
        Assert.Contains("号码只用于这张号票，发出或叫号后即删除", page, StringComparison.Ordinal);
        var action = $"/halls/{Hall}/tickets/{number}?handler=Reminder";

        // A number that is no mobile number: the page again, the message beside the field, nothing set.
        using (var bad = await kiosk.PostFormAsync(ticketPage, action, ("taken", proof), ("phone", "1234567")))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
            var shown = WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync());
            Assert.Contains("请填写11位手机号码", shown, StringComparison.Ordinal);
            Assert.Contains(number, shown, StringComparison.Ordinal);
            Assert.Contains("value=\"1234567\"", shown, StringComparison.Ordinal); // what was typed, to correct
        }
        Assert.False((await kiosk.TicketAsync(Hall, number))!.Reminder);

        // The proof of this ticket does not set a reminder on another one, nor does a page looked up without it.
        var phone = TestPeople.NewPhone();
        using (var other = await kiosk.PostFormAsync(ticketPage, $"/halls/{Hall}/tickets/{before[3].Number}?handler=Reminder", ("taken", proof), ("phone", phone)))
        {
            Assert.Equal(HttpStatusCode.Conflict, other.StatusCode);
            Assert.Contains("到号提醒只能在取号后当场设置", WebUtility.HtmlDecode(await other.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }
        Assert.False((await kiosk.TicketAsync(Hall, before[3].Number))!.Reminder);
        Assert.DoesNotContain("到号短信提醒", WebUtility.HtmlDecode(await kiosk.GetStringAsync($"/halls/{Hall}/tickets/{number}")), StringComparison.Ordinal);

        using (var set = await kiosk.PostFormAsync(ticketPage, action, ("taken", proof), ("phone", $"{phone[..3]} {phone[3..7]} {phone[7..]}")))
            Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
        var after = WebUtility.HtmlDecode(await kiosk.GetStringAsync(ticketPage));
        Assert.Contains("已设置：前面还剩3人时短信通知", after, StringComparison.Ordinal);
        Assert.DoesNotContain(phone[3..], after, StringComparison.Ordinal);
        Assert.True((await kiosk.TicketAsync(Hall, number))!.Reminder);
        Assert.DoesNotContain(phone, await StoredAsync(app), StringComparison.Ordinal); // sealed at rest

        // Four were ahead: the first call leaves three, and that call texts the number — once; then it is gone.
        await app.DrainOutboxAsync();
        Assert.Equal(0, await TextsToAsync(app, phone));
        Assert.Equal(before[0].Number, await clerk.CallAsync(Hall, Window));
        await app.DrainOutboxAsync();
        var sms = WebUtility.HtmlDecode(await app.Browser().GetStringAsync("/dev/sms"));
        Assert.Contains($"您的{number}号前面还有3人", sms, StringComparison.Ordinal);
        Assert.Contains($"3 tickets are ahead of your number {number}", sms, StringComparison.Ordinal);
        Assert.Equal(1, await TextsToAsync(app, phone));
        Assert.False((await kiosk.TicketAsync(Hall, number))!.Reminder);
        Assert.Equal([], await ReminderColumnsAsync(app, number));
        while (await clerk.CallAsync(Hall, Window) is not null) { }
        await app.DrainOutboxAsync();
        Assert.Equal(1, await TextsToAsync(app, phone));
    }

    [Theory, DatabaseLanes]
    public async Task The_kiosk_api_takes_a_number_with_the_ticket_checks_it_and_sets_it_on_at_most_three_waiting_tickets(DatabaseLane lane)
    {
        const string Other = DemoHalls.County; // its E tickets are only this test's
        var app = await lanes.For(lane);
        var kiosk = app.Browser();
        var first = await kiosk.TakeAsync(Other, Letter);
        Assert.False(first.Reminder);
        foreach (var wrong in new[] { "1234567890", "23912345678", "139123456789", "一三九" })
        {
            using var refused = await kiosk.PostAsJsonAsync($"/api/halls/{Other}/tickets", new { category = Letter, reminderPhone = wrong });
            Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
            using var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync());
            Assert.Contains("请填写11位手机号码", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
        var phone = TestPeople.NewPhone();
        for (var i = 0; i < TicketReminders.MostPerPhone; i++)
        {
            using var response = await kiosk.PostAsJsonAsync($"/api/halls/{Other}/tickets", new { category = Letter, reminderPhone = phone });
            Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
            var ticket = (await response.Content.ReadFromJsonAsync<TakenTicket>())!;
            Assert.True(ticket.Reminder);
            Assert.Equal(int.Parse(first.Number[1..]) + 1 + i, int.Parse(ticket.Number[1..])); // no refused number took a ticket
        }
        using (var fourth = await kiosk.PostAsJsonAsync($"/api/halls/{Other}/tickets", new { category = Letter, reminderPhone = phone }))
        {
            Assert.Equal(HttpStatusCode.Conflict, fourth.StatusCode);
            Assert.Contains("已为本大厅3张等候中的号票设置了提醒", await fourth.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        Assert.True((await kiosk.TakeAsync(Other, Letter)).Reminder is false); // without a number, as before

        // A ticket of a past day never called: its number is forgotten by the reminder worker's sweep.
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HallsDbContext>();
        var hall = await scope.ServiceProvider.GetRequiredService<Features.HallPlaces>().GetAsync(Other, CancellationToken.None);
        var category = (await db.CategoryByLetterAsync(hall.Id, Letter, CancellationToken.None))!;
        var old = Ticket.Issue(hall.Id, scope.ServiceProvider.GetRequiredService<RegionClock>().Today.AddDays(-1), category, 999, DateTimeOffset.UtcNow.AddDays(-1));
        old.RemindBy(phone);
        db.Tickets.Add(old);
        await db.SaveChangesAsync();
        Assert.True(await scope.ServiceProvider.GetRequiredService<TicketReminders>().ForgetPastAsync(CancellationToken.None) >= 1);
        Assert.Null(await db.Tickets.AsNoTracking().Where(t => t.Id == old.Id).Select(t => t.ReminderPhone).SingleAsync());
    }

    /// <summary>Every reminder number as stored, concatenated (sealed, so no clear number may be in it).</summary>
    private static async Task<string> StoredAsync(TongbanApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HallsDbContext>();
        return string.Concat(await db.Database.SqlQueryRaw<string>("SELECT reminder_phone AS \"Value\" FROM hl_tickets WHERE reminder_phone IS NOT NULL").ToListAsync());
    }

    /// <summary>The stored number and blind index of today's ticket of the hall, where either is left.</summary>
    private static async Task<List<string>> ReminderColumnsAsync(TongbanApp app, string number)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HallsDbContext>();
        return await db.Database.SqlQueryRaw<string>("SELECT COALESCE(reminder_phone, '') || COALESCE(reminder_phone_index, '') AS \"Value\" FROM hl_tickets WHERE number = {0} AND (reminder_phone IS NOT NULL OR reminder_phone_index IS NOT NULL)", number).ToListAsync();
    }

    private static async Task<int> TextsToAsync(TongbanApp app, string phone)
    {
        var sms = WebUtility.HtmlDecode(await app.Browser().GetStringAsync("/dev/sms"));
        return sms.Split($"<td class=\"sms-phone\">{phone}</td>").Length - 1;
    }
}
