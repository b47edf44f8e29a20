using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Tongban.Kernel.Calendar;

namespace Tongban.Halls.Tests;

/// <summary>A clock the test sets: the kiosk's session rule is about "now".</summary>
internal sealed class SettableClock : TimeProvider
{
    public DateTimeOffset Now { get; set; } = DateTimeOffset.UtcNow;

    public override DateTimeOffset GetUtcNow() => Now;
}

/// <summary>The class's own apps with a settable clock and the kiosk following the sessions (the shared test apps give tickets at any hour).</summary>
public sealed class ClockedHallApps : LaneApps
{
    internal SettableClock Clock { get; } = new();

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock));
        services.PostConfigure<HallsOptions>(o => o.TicketsOutsideSessions = false);
    }
}

/// <summary>
/// The kiosk in the city centre's sessions (demo: weekdays 08:30–17:00 all windows; evenings 17:00–19:00 A01 A02 B01
/// C05 D01; Saturdays 09:00–12:00 A01 A02 D01 D04): only categories served now get a button, the API refuses the rest
/// with 409 in both languages; outside any session the kiosk says the hall is closed and when it opens next.
/// </summary>
public sealed class KioskSessionTests(ClockedHallApps apps) : IClassFixture<ClockedHallApps>
{
    private const string Hall = "city-centre";

    private async Task<(TongbanApp App, HttpClient Kiosk)> AtAsync(DatabaseLane lane, Func<WorkingDayCalendar, DateOnly> day, int hour)
    {
        var app = await apps.For(lane);
        apps.Clock.Now = DateTimeOffset.UtcNow; // the calendar is read at the real date
        using var scope = app.Services.CreateScope();
        var calendar = await scope.ServiceProvider.GetRequiredService<CalendarStore>().GetAsync();
        var local = day(calendar).ToDateTime(new TimeOnly(hour, 0));
        apps.Clock.Now = new DateTimeOffset(local, TimeSpan.FromHours(8)).ToUniversalTime();
        return (app, app.Browser());
    }

    private static IEnumerable<DateOnly> Coming => Enumerable.Range(1, 20).Select(DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).AddDays);

    private static DateOnly Saturday(WorkingDayCalendar c) => Coming.First(d => d.DayOfWeek == DayOfWeek.Saturday && !c.IsWorkingDay(d) && !c.IsHoliday(d));

    private static DateOnly Sunday(WorkingDayCalendar c) => Coming.First(d => d.DayOfWeek == DayOfWeek.Sunday && !c.IsWorkingDay(d) && !c.IsHoliday(d));

    private static DateOnly Weekday(WorkingDayCalendar c) => Coming.First(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && c.IsWorkingDay(d));

    private static string[] Buttons(string page) => [.. "ABCDEF".Where(l => page.Contains($"id=\"take-{l}\"", StringComparison.Ordinal)).Select(l => l.ToString())];

    private static Task<HttpResponseMessage> TakeAsync(HttpClient kiosk, string category) => kiosk.PostAsJsonAsync($"/api/halls/{Hall}/tickets", new { category });

    [Theory, DatabaseLanes]
    public async Task On_a_Saturday_session_only_the_categories_its_windows_serve_get_a_button_and_a_ticket(DatabaseLane lane)
    {
        var (_, kiosk) = await AtAsync(lane, Saturday, 10);
        var page = WebUtility.HtmlDecode(await kiosk.GetStringAsync($"/halls/{Hall}/kiosk"));
        Assert.Equal(["A", "D"], Buttons(page));
        Assert.Contains("现在是周末不打烊时段（至12:00）", page, StringComparison.Ordinal);
        using (var refused = await TakeAsync(kiosk, "B"))
        {
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
            var problem = await refused.ProblemAsync();
            Assert.Contains("现在是周末不打烊时段，没有窗口办理", problem, StringComparison.Ordinal);
            Assert.Contains("During the weekend service no window serves", problem, StringComparison.Ordinal);
        }
        using (var pageRefused = await kiosk.PostFormAsync($"/halls/{Hall}/kiosk", $"/halls/{Hall}/kiosk", ("category", "B")))
        {
            Assert.Equal(HttpStatusCode.Conflict, pageRefused.StatusCode);
            Assert.Contains("没有窗口办理", WebUtility.HtmlDecode(await pageRefused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }
        Assert.Null(await kiosk.TicketAsync(Hall, "B001")); // nothing issued
        using (var taken = await TakeAsync(kiosk, "D")) Assert.Equal(HttpStatusCode.Created, taken.StatusCode);
    }

    [Theory, DatabaseLanes]
    public async Task On_a_Saturday_session_only_its_windows_call_and_another_is_told_which_windows_serve(DatabaseLane lane)
    {
        var (app, kiosk) = await AtAsync(lane, Saturday, 11);
        using (var taken = await TakeAsync(kiosk, "A")) Assert.Equal(HttpStatusCode.Created, taken.StatusCode);
        var registration = await app.ClerkAsync("11211200025881318U"); // B01, the business registration window: not open on Saturdays
        using (var refused = await registration.PostAsync($"/api/halls/{Hall}/windows/B01/call", null))
        {
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
            var problem = await refused.ProblemAsync();
            Assert.Contains("calling.window_not_in_session", problem, StringComparison.Ordinal);
            Assert.Contains("现在是周末不打烊时段（至12:00），B01号窗口不在本时段服务的窗口之中，不能叫号；本时段服务的窗口：A01、A02、D01、D04", problem, StringComparison.Ordinal);
            Assert.Contains("window B01 does not serve", problem, StringComparison.Ordinal);
        }
        var general = await app.ClerkAsync("112112000037803132"); // A01 serves on Saturdays
        Assert.StartsWith("A", await general.CallAsync(Hall, "A01"), StringComparison.Ordinal);
    }

    [Theory, DatabaseLanes]
    public async Task In_an_evening_extension_categories_without_a_staying_window_are_hidden_and_refused(DatabaseLane lane)
    {
        var (_, kiosk) = await AtAsync(lane, Weekday, 18);
        var page = WebUtility.HtmlDecode(await kiosk.GetStringAsync($"/halls/{Hall}/kiosk"));
        Assert.Equal(["A", "B", "C", "D"], Buttons(page));
        Assert.Contains("延时服务", page, StringComparison.Ordinal);
        using (var refused = await TakeAsync(kiosk, "E")) Assert.Contains("现在是延时服务时段", await refused.ProblemAsync(), StringComparison.Ordinal);
        using (var taken = await TakeAsync(kiosk, "C")) Assert.Equal(HttpStatusCode.Created, taken.StatusCode);

        var (_, dayKiosk) = await AtAsync(lane, Weekday, 10); // the hours: every category
        var day = WebUtility.HtmlDecode(await dayKiosk.GetStringAsync($"/halls/{Hall}/kiosk"));
        Assert.Equal(["A", "B", "C", "D", "E", "F"], Buttons(day));
        Assert.DoesNotContain("id=\"kiosk-session\"", day, StringComparison.Ordinal);
        using (var taken = await TakeAsync(dayKiosk, "E")) Assert.Equal(HttpStatusCode.Created, taken.StatusCode);
    }

    [Theory, DatabaseLanes]
    public async Task Outside_any_session_the_kiosk_says_the_hall_is_closed_and_when_it_opens_and_gives_no_ticket(DatabaseLane lane)
    {
        var (_, kiosk) = await AtAsync(lane, Sunday, 10);
        var page = WebUtility.HtmlDecode(await kiosk.GetStringAsync($"/halls/{Hall}/kiosk"));
        Assert.Empty(Buttons(page));
        Assert.Contains("大厅现在不办公，暂停取号", page, StringComparison.Ordinal);
        Assert.Contains("下次办公：", page, StringComparison.Ordinal); // the hall page's own status, reused
        Assert.Contains("预约签到", page, StringComparison.Ordinal); // check-in stays
        using (var refused = await TakeAsync(kiosk, "A"))
        {
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
            var problem = await refused.ProblemAsync();
            Assert.Contains("大厅现在不办公，不能取号；下次办公：", problem, StringComparison.Ordinal);
            Assert.Contains("The hall is closed now", problem, StringComparison.Ordinal);
        }
        var (_, night) = await AtAsync(lane, Weekday, 6);
        Assert.Contains("今天08:30开始办公", await (await TakeAsync(night, "A")).ProblemAsync(), StringComparison.Ordinal);
    }

    [Theory, DatabaseLanes]
    public async Task Hostile_categories_while_closed_or_in_a_session_are_refused_never_a_server_error(DatabaseLane lane)
    {
        foreach (var when in new Func<WorkingDayCalendar, DateOnly>[] { Sunday, Saturday })
        {
            var (_, kiosk) = await AtAsync(lane, when, 10);
            foreach (var input in Fuzz.Strings("B", mutations: 10, seed: lane == DatabaseLane.Sqlite ? 3 : 5))
            {
                using var api = await TakeAsync(kiosk, input);
                await Fuzz.AssertHandledAsync(api, input, HttpStatusCode.BadRequest, HttpStatusCode.NotFound, HttpStatusCode.UnprocessableEntity, HttpStatusCode.Conflict, HttpStatusCode.Created);
                if (api.StatusCode == HttpStatusCode.Created) Assert.True(when == Saturday && input.Trim().ToUpperInvariant() is "A" or "D", input);
                using var page = await kiosk.PostFormAsync($"/halls/{Hall}/kiosk", $"/halls/{Hall}/kiosk", ("category", input));
                await Fuzz.AssertHandledAsync(page, input, HttpStatusCode.BadRequest, HttpStatusCode.NotFound, HttpStatusCode.UnprocessableEntity, HttpStatusCode.Conflict, HttpStatusCode.Redirect);
            }
        }
    }
}
