using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Kernel.Calendar;

namespace Tongban.Halls.Tests;

/// <summary>
/// 延时服务 / 周末不打烊 in the slots: the demo city centre has an evening extension (Mon–Fri 17:00–19:00: A01 A02 B01 C05
/// D01) and a Saturday morning (09:00–12:00: A01 A02 D01 D04), so during them a category has as many places as its windows
/// among those, and none when none of them serves it. Read-only on the demo hall; bookings by citizens of the test's own.
/// </summary>
public sealed class ExtraSessionSlotTests(LaneApps lanes)
{
    private const string CityCentre = "city-centre";
    private const string TradingItem = "12211200053889595N00203300100001"; // of the department staffing A05

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<(DateOnly Weekday, DateOnly Saturday)> DaysAsync(TongbanApp app)
    {
        using var scope = app.Services.CreateScope();
        var calendar = await scope.ServiceProvider.GetRequiredService<CalendarStore>().GetAsync();
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var days = Enumerable.Range(1, 12).Select(today.AddDays).ToList();
        return (days.First(d => calendar.IsWorkingDay(d) && d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)),
            days.First(d => d.DayOfWeek == DayOfWeek.Saturday && !calendar.IsWorkingDay(d) && !calendar.IsHoliday(d)));
    }

    [Theory, DatabaseLanes]
    public async Task A_Saturday_session_offers_slots_only_for_categories_its_windows_serve_with_their_capacity(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var visitor = app.Browser();
        var (_, saturday) = await DaysAsync(app);
        var a = await visitor.SlotsAsync(CityCentre, "A", Iso(saturday));
        Assert.Equal(["09:00", "09:30", "10:00", "10:30", "11:00", "11:30"], a.Select(s => s.From));
        Assert.All(a, s => Assert.Equal(2, s.Places)); // A01 and A02 of A's five windows
        Assert.All(await visitor.SlotsAsync(CityCentre, "D", Iso(saturday)), s => Assert.Equal(2, s.Places)); // D01, D04
        Assert.Empty(await visitor.SlotsAsync(CityCentre, "B", Iso(saturday))); // no window of B serves on Saturdays
        Assert.Empty(await visitor.SlotsAsync(CityCentre, "A", Iso(saturday.AddDays(1)))); // Sunday: no session

        var (_, _, citizen) = await app.RegisterCitizenAsync("周六预约");
        var booked = await citizen.BookedAsync(CityCentre, "A", Iso(saturday), "09:30");
        Assert.Equal(("09:30", "10:00"), (booked.From, booked.To));
        Assert.Equal(1, (await visitor.SlotsAsync(CityCentre, "A", Iso(saturday))).Single(s => s.From == "09:30").Free);
        using (var none = await citizen.BookAsync(CityCentre, "B", Iso(saturday), "10:30"))
            Assert.Equal(HttpStatusCode.UnprocessableEntity, none.StatusCode);
        // An item of the public resources trading centre, whose window (A05) serves A but not on Saturdays.
        using (var notThen = await citizen.BookAsync(CityCentre, "A", Iso(saturday), "10:00", TradingItem))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, notThen.StatusCode);
            Assert.Contains("这个时段（延时服务或周末不打烊）提供服务的窗口不办理该事项", await notThen.ProblemAsync(), StringComparison.Ordinal);
        }
        using (await citizen.PostAsync($"/api/halls/{CityCentre}/appointments/{booked.Code}/cancel", null)) { }
    }

    [Theory, DatabaseLanes]
    public async Task An_evening_extension_adds_slots_after_the_hours_with_its_windows_capacity(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var visitor = app.Browser();
        var (weekday, _) = await DaysAsync(app);
        var a = await visitor.SlotsAsync(CityCentre, "A", Iso(weekday));
        Assert.Equal(5, a.Single(s => s.From == "16:30").Places); // the hours: all five windows of A
        Assert.Equal(["17:00", "17:30", "18:00", "18:30"], a.Where(s => string.CompareOrdinal(s.From, "17:00") >= 0).Select(s => s.From));
        Assert.All(a.Where(s => string.CompareOrdinal(s.From, "17:00") >= 0), s => Assert.Equal(2, s.Places)); // A01, A02
        Assert.Equal(1, (await visitor.SlotsAsync(CityCentre, "C", Iso(weekday))).Single(s => s.From == "18:30").Places); // C05 only
        Assert.DoesNotContain(await visitor.SlotsAsync(CityCentre, "E", Iso(weekday)), s => string.CompareOrdinal(s.From, "17:00") >= 0); // no window of E stays
        Assert.Equal("16:30", (await visitor.SlotsAsync(CityCentre, "E", Iso(weekday)))[^1].From);
    }

    [Theory, DatabaseLanes]
    public async Task The_clerks_day_list_marks_appointments_in_an_extended_or_weekend_session(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var (weekday, saturday) = await DaysAsync(app);
        var (_, _, citizen) = await app.RegisterCitizenAsync("延时名单");
        var onSaturday = await citizen.BookedAsync(CityCentre, "A", Iso(saturday), "11:00");
        var evening = await citizen.BookedAsync(CityCentre, "A", Iso(weekday), "18:00");
        var afternoon = await citizen.BookedAsync(CityCentre, "A", Iso(weekday), "14:00");
        var clerk = await app.ClerkAsync(GeneralAcceptance);
        try
        {
            string Row(string page, string code) => page[page.LastIndexOf("<tr>", page.IndexOf(code, StringComparison.Ordinal), StringComparison.Ordinal)..page.IndexOf("</tr>", page.IndexOf(code, StringComparison.Ordinal), StringComparison.Ordinal)];
            var sat = WebUtility.HtmlDecode(await clerk.GetStringAsync($"/halls/{CityCentre}/bookings?date={Iso(saturday)}"));
            Assert.Contains("11:00–11:30 <span class=\"tag session-weekend\">周末不打烊</span>", Row(sat, onSaturday.Code), StringComparison.Ordinal);
            var day = WebUtility.HtmlDecode(await clerk.GetStringAsync($"/halls/{CityCentre}/bookings?date={Iso(weekday)}"));
            Assert.Contains("延时服务", Row(day, evening.Code), StringComparison.Ordinal);
            Assert.DoesNotContain("延时服务", Row(day, afternoon.Code), StringComparison.Ordinal);
            Assert.DoesNotContain("Extended", day, StringComparison.Ordinal); // words, not the raw kind
            var api = (await clerk.GetFromJsonAsync<List<System.Text.Json.JsonElement>>($"/api/halls/{CityCentre}/bookings?date={Iso(weekday)}"))!;
            Assert.Equal("Extended", api.Single(l => l.GetProperty("code").GetString() == evening.Code).GetProperty("session").GetString());
            Assert.Equal(System.Text.Json.JsonValueKind.Null, api.Single(l => l.GetProperty("code").GetString() == afternoon.Code).GetProperty("session").ValueKind);
            using (var outsider = await (await app.ClerkAsync(DemoHalls.YinzhouDepartment)).GetAsync($"/halls/{CityCentre}/bookings?date={Iso(saturday)}"))
                Assert.Equal(HttpStatusCode.Forbidden, outsider.StatusCode);
            foreach (var input in Fuzz.Strings(Iso(saturday), mutations: 10, seed: lane == DatabaseLane.Sqlite ? 13 : 19).Concat(["0001-01-01", "9999-12-31"]))
            {
                using var page = await clerk.GetAsync($"/halls/{CityCentre}/bookings?date={Uri.EscapeDataString(input)}");
                await Fuzz.AssertHandledAsync(page, input, HttpStatusCode.OK, HttpStatusCode.BadRequest, HttpStatusCode.UnprocessableEntity);
            }
        }
        finally
        {
            foreach (var code in new[] { onSaturday.Code, evening.Code, afternoon.Code })
                using (await citizen.PostAsync($"/api/halls/{CityCentre}/appointments/{code}/cancel", null)) { }
        }
    }

    private const string GeneralAcceptance = "112112000037803132"; // the department at A01, A02
}
