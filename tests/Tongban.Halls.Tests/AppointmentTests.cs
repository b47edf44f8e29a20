using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Kernel.Calendar;

namespace Tongban.Halls.Tests;

/// <summary>预约: slots from the hall's hours and the calendar, booking with a code, one's own only, full slots, the cut-off, no-shows, check-in with priority, the staff's list.</summary>
public sealed partial class AppointmentTests(LaneApps lanes)
{
    private const string YinzhouItem = "11211202070242291R00012100200001"; // 企业设立登记, of the district's own department
    private const string CityItem = "11211200028410570F00010100100001"; // 企业投资项目核准, a city department with no window in the district hall

    [Theory, DatabaseLanes]
    public async Task A_booking_gives_a_short_code_its_holder_reads_and_another_citizen_can_neither_see_nor_cancel(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var (_, _, holder) = await app.RegisterCitizenAsync("预约甲");
        var (_, _, other) = await app.RegisterCitizenAsync("预约乙");
        var (date, slots) = await holder.FreeDayAsync(DemoHalls.Yinzhou, "B");
        Assert.All(slots, s => Assert.Equal(1, s.Places)); // one window serves B
        Assert.Contains(slots, s => s.From == "08:30" && s.To == "09:00");
        Assert.DoesNotContain(slots, s => s.From == "11:30" || s.From == "12:00"); // the lunch break between the sessions
        var booked = await holder.BookedAsync(DemoHalls.Yinzhou, "B", date, slots[0].From, YinzhouItem);
        Assert.Matches(Code(), booked.Code);
        Assert.Equal(("企业设立登记", "Booked", true), (booked.Item, booked.State, booked.Changeable));
        Assert.Equal(0, (await holder.SlotsAsync(DemoHalls.Yinzhou, "B", date)).Single(s => s.From == slots[0].From).Free);
        Assert.Equal(booked.Code, (await holder.GetFromJsonAsync<BookedAppointment>($"/api/halls/{DemoHalls.Yinzhou}/appointments/{booked.Code}"))!.Code);
        using (var peek = await other.GetAsync($"/api/halls/{DemoHalls.Yinzhou}/appointments/{booked.Code}")) Assert.Equal(HttpStatusCode.NotFound, peek.StatusCode);
        using (var cancel = await other.PostAsync($"/api/halls/{DemoHalls.Yinzhou}/appointments/{booked.Code}/cancel", null)) Assert.Equal(HttpStatusCode.NotFound, cancel.StatusCode);
        using (var anonymous = await app.Browser().GetAsync($"/api/halls/{DemoHalls.Yinzhou}/appointments/{booked.Code}")) Assert.NotEqual(HttpStatusCode.OK, anonymous.StatusCode);
        using (var overlap = await holder.BookAsync(DemoHalls.Yinzhou, "C", date, slots[0].From))
            Assert.Contains("已有预约", await overlap.ProblemAsync(), StringComparison.Ordinal);
        using (var elsewhere = await holder.BookAsync(DemoHalls.Yinzhou, "C", date, slots[2].From, CityItem))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, elsewhere.StatusCode);
            Assert.Contains("不办理该事项", await elsewhere.ProblemAsync(), StringComparison.Ordinal);
        }
        var moved = await (await holder.PostAsJsonAsync($"/api/halls/{DemoHalls.Yinzhou}/appointments/{booked.Code}/move", new { date, time = slots[1].From })).Content.ReadFromJsonAsync<BookedAppointment>();
        Assert.Equal((booked.Code, slots[1].From), (moved!.Code, moved.From));
        Assert.Equal(1, (await holder.SlotsAsync(DemoHalls.Yinzhou, "B", date)).Single(s => s.From == slots[0].From).Free); // the old place is free again
        var page = WebUtility.HtmlDecode(await holder.GetStringAsync($"/halls/{DemoHalls.Yinzhou}/appointments/{booked.Code}"));
        Assert.Contains(booked.Code, page, StringComparison.Ordinal);
        Assert.Contains($"{slots[1].From}–{slots[1].To}", page, StringComparison.Ordinal);
        using (var cancelled = await holder.PostAsync($"/api/halls/{DemoHalls.Yinzhou}/appointments/{booked.Code}/cancel", null)) Assert.Equal(HttpStatusCode.NoContent, cancelled.StatusCode);
        Assert.Equal("Cancelled", (await holder.GetFromJsonAsync<BookedAppointment>($"/api/halls/{DemoHalls.Yinzhou}/appointments/{booked.Code}"))!.State);
    }

    [Theory, DatabaseLanes]
    public async Task Two_bookings_of_the_last_place_at_once_leave_exactly_one_and_a_cancelled_place_is_free_again(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var citizens = await Task.WhenAll(Enumerable.Range(1, 3).Select(i => app.RegisterCitizenAsync($"抢号{i}")));
        var (date, slots) = await citizens[0].Client.FreeDayAsync(DemoHalls.Qinghe, "B");
        var slot = slots.First(s => s.Free == 1);
        var answers = await Task.WhenAll(citizens[..2].Select(async c =>
        {
            using var r = await c.Client.BookAsync(DemoHalls.Qinghe, "B", date, slot.From);
            return (r.StatusCode, Body: await r.Content.ReadAsStringAsync());
        }));
        Assert.Equal(1, answers.Count(a => a.StatusCode == HttpStatusCode.Created));
        var refused = Assert.Single(answers, a => a.StatusCode != HttpStatusCode.Created);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("已约满", refused.Body, StringComparison.Ordinal);
        var winner = citizens[answers[0].StatusCode == HttpStatusCode.Created ? 0 : 1].Client;
        var code = System.Text.Json.JsonDocument.Parse(answers.Single(a => a.StatusCode == HttpStatusCode.Created).Body).RootElement.GetProperty("code").GetString();
        using (var full = await citizens[2].Client.BookAsync(DemoHalls.Qinghe, "B", date, slot.From)) Assert.Equal(HttpStatusCode.Conflict, full.StatusCode);
        using (await winner.PostAsync($"/api/halls/{DemoHalls.Qinghe}/appointments/{code}/cancel", null)) { }
        await citizens[2].Client.BookedAsync(DemoHalls.Qinghe, "B", date, slot.From);
    }

    [Theory, DatabaseLanes]
    public async Task Cancelling_or_moving_within_the_cut_off_is_refused_and_changes_nothing(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var (id, _, citizen) = await app.RegisterCitizenAsync("临近取消");
        var code = await app.PlaceAsync(DemoHalls.Xifeng, "B", await app.AccountIdAsync(id), DateTimeOffset.UtcNow.AddHours(1), TimeSpan.FromMinutes(30));
        var (date, slots) = await citizen.FreeDayAsync(DemoHalls.Xifeng, "B");
        using (var cancel = await citizen.PostAsync($"/api/halls/{DemoHalls.Xifeng}/appointments/{code}/cancel", null))
        {
            Assert.Equal(HttpStatusCode.Conflict, cancel.StatusCode);
            Assert.Contains("不能再取消或改约", await cancel.ProblemAsync(), StringComparison.Ordinal);
        }
        using (var move = await citizen.PostAsJsonAsync($"/api/halls/{DemoHalls.Xifeng}/appointments/{code}/move", new { date, time = slots[^1].From }))
            Assert.Equal(HttpStatusCode.Conflict, move.StatusCode);
        var still = await citizen.GetFromJsonAsync<BookedAppointment>($"/api/halls/{DemoHalls.Xifeng}/appointments/{code}");
        Assert.Equal(("Booked", false), (still!.State, still.Changeable));
        Assert.Equal(slots[^1].Free, (await citizen.SlotsAsync(DemoHalls.Xifeng, "B", date)).Single(s => s.From == slots[^1].From).Free);
    }

    [Theory, DatabaseLanes]
    public async Task Past_the_no_show_limit_booking_is_refused_with_a_clear_message(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var (id, _, citizen) = await app.RegisterCitizenAsync("屡次未到");
        var holder = await app.AccountIdAsync(id);
        var (date, slots) = await citizen.FreeDayAsync(DemoHalls.Changtu, "D");
        for (var missed = 1; missed <= 3; missed++)
        {
            if (missed == 3)
            {
                var allowed = await citizen.BookedAsync(DemoHalls.Changtu, "D", date, slots[0].From); // two no-shows: still allowed
                using (await citizen.PostAsync($"/api/halls/{DemoHalls.Changtu}/appointments/{allowed.Code}/cancel", null)) { }
            }
            await app.PlaceAsync(DemoHalls.Changtu, "D", holder, DateTimeOffset.UtcNow.AddDays(-10 * missed), TimeSpan.FromMinutes(30));
        }
        using var refused = await citizen.BookAsync(DemoHalls.Changtu, "D", date, slots[1].From);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var problem = await refused.ProblemAsync();
        Assert.Contains("90天内有3次预约未到", problem, StringComparison.Ordinal);
        Assert.Contains("missed 3 appointments", problem, StringComparison.Ordinal);
        Assert.Equal(slots[1].Free, (await citizen.SlotsAsync(DemoHalls.Changtu, "D", date)).Single(s => s.From == slots[1].From).Free);
    }

    [Theory, DatabaseLanes]
    public async Task A_checked_in_appointment_is_called_before_earlier_walk_in_tickets_and_checks_in_once(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var (id, _, _) = await app.RegisterCitizenAsync("预约签到");
        var code = await app.PlaceAsync(DemoHalls.Kaiyuan, "C", await app.AccountIdAsync(id), DateTimeOffset.UtcNow.AddMinutes(-10), TimeSpan.FromMinutes(30));
        var kiosk = app.Browser();
        var walkIn = await kiosk.TakeAsync(DemoHalls.Kaiyuan, "C");
        using var checkedIn = await kiosk.PostAsJsonAsync($"/api/halls/{DemoHalls.Kaiyuan}/check-in", new { code = code.ToLowerInvariant() });
        Assert.True(checkedIn.StatusCode == HttpStatusCode.Created, await checkedIn.Content.ReadAsStringAsync());
        var ticket = (await checkedIn.Content.ReadFromJsonAsync<TakenTicket>())!;
        Assert.Equal(0, ticket.Ahead);
        Assert.Equal(1, (await kiosk.TicketAsync(DemoHalls.Kaiyuan, walkIn.Number))!.Ahead); // the appointment goes first
        using (var again = await kiosk.PostAsJsonAsync($"/api/halls/{DemoHalls.Kaiyuan}/check-in", new { code }))
            Assert.Contains("已签到", await again.ProblemAsync(), StringComparison.Ordinal);
        var clerk = await app.ClerkAsync(DemoHalls.KaiyuanDepartment);
        Assert.Equal(ticket.Number, await clerk.CallAsync(DemoHalls.Kaiyuan, "03"));
        Assert.Equal(walkIn.Number, await clerk.CallAsync(DemoHalls.Kaiyuan, "03"));
        var list = await clerk.GetStringAsync($"/api/halls/{DemoHalls.Kaiyuan}/bookings");
        Assert.Contains(code, list, StringComparison.Ordinal);
        Assert.Contains("CheckedIn", list, StringComparison.Ordinal);
        Assert.DoesNotContain(id, list, StringComparison.Ordinal); // the holder's number is masked
        using var outsider = await (await app.ClerkAsync(DemoHalls.YinzhouDepartment)).GetAsync($"/api/halls/{DemoHalls.Kaiyuan}/bookings");
        Assert.Equal(HttpStatusCode.Forbidden, outsider.StatusCode);
    }

    [Theory, DatabaseLanes]
    public async Task The_checked_in_appointment_with_three_tickets_ahead_is_texted_once_and_a_walk_in_without_a_number_never(DatabaseLane lane)
    {
        const string Hall = DemoHalls.Diaobingshan, Letter = "B", Window = "02"; // 企业开办, served at window 02 only; no other test queues or calls here
        var app = await lanes.For(lane);
        var clerk = await app.ClerkAsync(DemoHalls.DiaobingshanDepartment);
        while (await clerk.CallAsync(Hall, Window) is not null) { } // an empty queue, whatever ran before
        var kiosk = app.Browser();
        List<(string IdNumber, string Number)> holders = [];
        for (var i = 0; i < 5; i++)
        {
            var (id, _, _) = await app.RegisterCitizenAsync($"叫号提醒{i}");
            var code = await app.PlaceAsync(Hall, Letter, await app.AccountIdAsync(id), DateTimeOffset.UtcNow.AddMinutes(-10), TimeSpan.FromMinutes(30));
            using var checkedIn = await kiosk.PostAsJsonAsync($"/api/halls/{Hall}/check-in", new { code });
            Assert.True(checkedIn.StatusCode == HttpStatusCode.Created, await checkedIn.Content.ReadAsStringAsync());
            holders.Add((id, (await checkedIn.Content.ReadFromJsonAsync<TakenTicket>())!.Number));
        }
        var walkIns = new[] { await kiosk.TakeAsync(Hall, Letter), await kiosk.TakeAsync(Hall, Letter), await kiosk.TakeAsync(Hall, Letter) };

        // Called in order: after the first call the fifth appointment has three ahead (texted); after the second, the first
        // walk-in (anonymous: nothing); after the third, the second walk-in; and so on — one text in all.
        foreach (var expected in holders.Select(h => h.Number).Concat(walkIns.Select(w => w.Number)))
            Assert.Equal(expected, await clerk.CallAsync(Hall, Window));
        Assert.Null(await clerk.CallAsync(Hall, Window));

        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Data.HallsDbContext>();
        string[] numbers = [.. holders.Select(h => h.Number), .. walkIns.Select(w => w.Number)];
        var texts = db.OutboxMessages.Where(m => m.Type == Identity.Contracts.AccountNotice.MessageType).AsEnumerable()
            .Select(m => m.Read<Identity.Contracts.AccountNotice>())
            .Where(n => n.Kind == Features.CallTickets.Calling.ThreeAheadKind && n.Chinese.StartsWith("调兵山", StringComparison.Ordinal) && numbers.Any(x => n.Chinese.Contains($"您的{x}号", StringComparison.Ordinal))).ToList();
        var text = Assert.Single(texts);
        Assert.Equal(await app.AccountIdAsync(holders[4].IdNumber), text.AccountId);
        Assert.Contains($"您的{holders[4].Number}号前面还有3人", text.Chinese, StringComparison.Ordinal);
        Assert.Contains($"3 tickets are ahead of your number {holders[4].Number}", text.English, StringComparison.Ordinal);
        Assert.DoesNotContain(holders[4].IdNumber, text.Chinese + text.English, StringComparison.Ordinal);
    }

    [Theory, DatabaseLanes]
    public async Task The_pages_book_show_the_code_check_it_in_at_the_kiosk_and_list_it_for_the_clerk_masked(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var (id, _, citizen) = await app.RegisterCitizenAsync("页面预约");
        var (date, slots) = await citizen.FreeDayAsync(DemoHalls.Qinghe, "C");
        var path = $"/halls/{DemoHalls.Qinghe}/appointments?category=C&date={date}";
        var form = WebUtility.HtmlDecode(await citizen.GetStringAsync(path));
        Assert.Contains($"value=\"{slots[0].From}\"", form, StringComparison.Ordinal);
        Assert.Contains("确认预约", form, StringComparison.Ordinal);
        using (var full = await citizen.PostFormAsync(path, path, ("Category", "C"), ("Date", date), ("Time", "03:00")))
            Assert.Contains("这个时段不可预约", WebUtility.HtmlDecode(await full.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        using var booked = await citizen.PostFormAsync(path, path, ("Category", "C"), ("Date", date), ("Time", slots[0].From));
        Assert.Equal(HttpStatusCode.Redirect, booked.StatusCode);
        var page = WebUtility.HtmlDecode(await citizen.GetStringAsync(booked.Headers.Location!.ToString()));
        var code = Regex.Match(page, "id=\"appointment-code\">([2-9A-Z]{8})<").Groups[1].Value;
        Assert.Equal(8, code.Length);
        Assert.Contains("预约成功", page, StringComparison.Ordinal);
        Assert.DoesNotContain("+00:00", page, StringComparison.Ordinal);
        var today = await app.PlaceAsync(DemoHalls.Qinghe, "C", await app.AccountIdAsync(id), DateTimeOffset.UtcNow.AddMinutes(-5), TimeSpan.FromMinutes(30));
        var kiosk = app.Browser();
        using (var wrong = await kiosk.PostFormAsync($"/halls/{DemoHalls.Qinghe}/kiosk", $"/halls/{DemoHalls.Qinghe}/kiosk?handler=CheckIn", ("code", code)))
            Assert.Contains("没有找到本大厅今天的这个预约码", WebUtility.HtmlDecode(await wrong.Content.ReadAsStringAsync()), StringComparison.Ordinal); // booked for another day
        using var checkedIn = await kiosk.PostFormAsync($"/halls/{DemoHalls.Qinghe}/kiosk", $"/halls/{DemoHalls.Qinghe}/kiosk?handler=CheckIn", ("code", today));
        Assert.Equal(HttpStatusCode.Redirect, checkedIn.StatusCode);
        Assert.Contains("请取走您的号票", WebUtility.HtmlDecode(await kiosk.GetStringAsync(checkedIn.Headers.Location!.ToString())), StringComparison.Ordinal);
        var clerk = await app.ClerkAsync(DemoHalls.QingheDepartment);
        var list = WebUtility.HtmlDecode(await clerk.GetStringAsync($"/halls/{DemoHalls.Qinghe}/bookings"));
        Assert.Contains(today, list, StringComparison.Ordinal);
        Assert.Contains("页***", list, StringComparison.Ordinal);
        Assert.Contains("已签到", list, StringComparison.Ordinal);
        Assert.DoesNotContain(id, list, StringComparison.Ordinal);
        Assert.Contains(code, WebUtility.HtmlDecode(await clerk.GetStringAsync($"/halls/{DemoHalls.Qinghe}/bookings?date={date}")), StringComparison.Ordinal);
        Assert.Contains("/bookings", await clerk.GetStringAsync($"/halls/{DemoHalls.Qinghe}/counter"), StringComparison.Ordinal);
    }

    [Theory, DatabaseLanes]
    public async Task Tomorrows_appointment_gets_one_reminder_through_the_outbox_with_its_code_and_no_id_number(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var (id, _, _) = await app.RegisterCitizenAsync("明日提醒");
        var tomorrow = DateTime.SpecifyKind(DateTime.UtcNow.AddHours(8).Date.AddDays(1).AddHours(10), DateTimeKind.Unspecified);
        var code = await app.PlaceAsync(DemoHalls.Yinzhou, "D", await app.AccountIdAsync(id), new DateTimeOffset(tomorrow, TimeSpan.FromHours(8)), TimeSpan.FromMinutes(30));
        using var scope = app.Services.CreateScope();
        var reminders = scope.ServiceProvider.GetRequiredService<Features.Appointments.AppointmentReminders>();
        Assert.True(await reminders.SendDueAsync(CancellationToken.None) >= 1);
        await reminders.SendDueAsync(CancellationToken.None); // a second round sends nothing again
        var db = scope.ServiceProvider.GetRequiredService<Data.HallsDbContext>();
        var notices = db.OutboxMessages.Where(m => m.Type == Identity.Contracts.AccountNotice.MessageType).AsEnumerable().Where(m => m.Payload.Contains(code, StringComparison.Ordinal)).ToList();
        var notice = Assert.Single(notices);
        Assert.Contains("appointment_reminder", notice.Payload, StringComparison.Ordinal);
        Assert.DoesNotContain(id, notice.Payload, StringComparison.Ordinal);
    }

    [Theory, DatabaseLanes]
    public async Task Hostile_bookings_codes_and_bodies_are_refused_never_a_server_error_and_book_nothing(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var (_, _, citizen) = await app.RegisterCitizenAsync("恶意输入");
        var (date, slots) = await citizen.FreeDayAsync(DemoHalls.Diaobingshan, "A");
        HttpStatusCode[] refusals = [HttpStatusCode.BadRequest, HttpStatusCode.NotFound, HttpStatusCode.UnprocessableEntity, HttpStatusCode.Conflict];
        var seed = lane == DatabaseLane.Sqlite ? 17 : 29;
        foreach (var input in Fuzz.Strings("A", mutations: 10, seed: seed).Where(s => s.Trim().ToUpperInvariant() is not ("A" or "B" or "C" or "D" or "E")))
        {
            using var category = await citizen.BookAsync(DemoHalls.Diaobingshan, input, date, slots[0].From);
            await Fuzz.AssertHandledAsync(category, input, refusals);
        }
        foreach (var input in Fuzz.Strings(date, mutations: 15, seed: seed).Where(s => s != date))
        {
            using var day = await citizen.BookAsync(DemoHalls.Diaobingshan, "A", input, slots[0].From);
            await Fuzz.AssertHandledAsync(day, input, refusals);
            using var listed = await citizen.GetAsync($"/api/halls/{DemoHalls.Diaobingshan}/slots?category=A&date={Uri.EscapeDataString(input)}");
            await Fuzz.AssertHandledAsync(listed, input, [HttpStatusCode.OK, .. refusals]);
        }
        foreach (var input in Fuzz.Strings(slots[0].From, mutations: 15, seed: seed).Where(s => !slots.Any(x => x.From == s.Trim())))
        {
            using var time = await citizen.BookAsync(DemoHalls.Diaobingshan, "A", date, input);
            await Fuzz.AssertHandledAsync(time, input, refusals);
            if (string.IsNullOrWhiteSpace(input)) continue; // no item: a booking of the category alone
            using var item = await citizen.BookAsync(DemoHalls.Diaobingshan, "A", date, slots[0].From, input);
            await Fuzz.AssertHandledAsync(item, input, refusals);
        }
        foreach (var input in Fuzz.Strings("ABCD2345", mutations: 20, seed: seed))
        {
            using var checkIn = await citizen.PostAsJsonAsync($"/api/halls/{DemoHalls.Diaobingshan}/check-in", new { code = input });
            await Fuzz.AssertHandledAsync(checkIn, input, refusals);
            using var page = await citizen.PostFormAsync($"/halls/{DemoHalls.Diaobingshan}/kiosk", $"/halls/{DemoHalls.Diaobingshan}/kiosk?handler=CheckIn", ("code", input));
            await Fuzz.AssertHandledAsync(page, input, refusals);
            Assert.DoesNotContain("<script>alert", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            if (input.Contains('\0', StringComparison.Ordinal) || input.Trim().Length == 0) continue; // a NUL or nothing in the address is the host's to answer
            using var cancel = await citizen.PostAsync($"/api/halls/{DemoHalls.Diaobingshan}/appointments/{Uri.EscapeDataString(input)}/cancel", null);
            await Fuzz.AssertHandledAsync(cancel, input, [.. refusals, HttpStatusCode.MethodNotAllowed]);
        }
        foreach (var body in new[] { "", "null", "[]", "{\"date\":5}", "{\"category\":", new string('[', 5000) })
        {
            using var raw = await citizen.PostAsync($"/api/halls/{DemoHalls.Diaobingshan}/appointments", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
            await Fuzz.AssertHandledAsync(raw, body, refusals);
        }
        Assert.Equal(slots.Select(s => s.Free), (await citizen.SlotsAsync(DemoHalls.Diaobingshan, "A", date)).Select(s => s.Free)); // nothing was booked
    }

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [GeneratedRegex("^[2-9A-HJKMNP-Z]{8}$")]
    private static partial Regex Code();
}
