using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Tongban.Kernel.Calendar;
using Tongban.Kernel.Security;

namespace Tongban.Web.Tests;

public sealed class CalendarAdminTests
{
    private static async Task<(TongbanApp App, TestDatabase Database)> StartAsync(DatabaseLane lane, DateTimeOffset now)
    {
        var database = await TestDatabase.CreateWithDemoRegionAsync(lane);
        var app = new TongbanApp(database, services: s => s.AddSingleton<TimeProvider>(new FakeTimeProvider(now)));
        _ = app.Server;
        return (app, database);
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string handler, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = await TongbanApp.AntiforgeryTokenAsync(client, "/admin/calendar");
        return await client.PostAsync($"/admin/calendar?handler={handler}", new FormUrlEncodedContent(fields));
    }

    [Theory]
    [DatabaseLanes]
    public async Task In_November_the_admin_area_warns_that_next_year_is_missing_until_a_day_of_it_is_entered(DatabaseLane lane)
    {
        var (app, database) = await StartAsync(lane, new DateTimeOffset(2026, 11, 26, 2, 0, 0, TimeSpan.Zero));
        await using (database)
        await using (app)
        {
            var admin = await app.SignInAsync("管理员", Policies.SystemAdministrator);
            Assert.Contains("尚未录入2027年的节假日安排", await admin.GetStringAsync("/admin/calendar"), StringComparison.Ordinal);

            var set = await PostAsync(admin, "Set", new() { ["Date"] = "2027-01-01", ["Kind"] = "Holiday", ["Name"] = "元旦" });
            Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);

            Assert.DoesNotContain("尚未录入2027年", await admin.GetStringAsync("/admin/calendar"), StringComparison.Ordinal);
            var calendar = await app.Services.GetRequiredService<CalendarStore>().GetAsync(TestContext.Current.CancellationToken);
            Assert.False(calendar.IsWorkingDay(new DateOnly(2027, 1, 1)));
        }
    }

    [Theory]
    [DatabaseLanes]
    public async Task A_weekday_entered_as_a_make_up_working_day_is_refused_on_the_field(DatabaseLane lane)
    {
        var (app, database) = await StartAsync(lane, new DateTimeOffset(2026, 11, 26, 2, 0, 0, TimeSpan.Zero));
        await using (database)
        await using (app)
        {
            var admin = await app.SignInAsync("管理员", Policies.SystemAdministrator);
            var response = await PostAsync(admin, "Set", new() { ["Date"] = "2026-12-01", ["Kind"] = "WorkingDay", ["Name"] = "调休" });
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            Assert.Contains("2026-12-01是工作日本身", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Theory]
    [DatabaseLanes]
    public async Task The_hall_page_says_closed_on_a_holiday_and_open_on_a_make_up_Saturday(DatabaseLane lane)
    {
        // 2026-02-16 10:00 in Asia/Shanghai is a Spring Festival holiday; 2026-02-28 10:00 is a make-up working Saturday.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 2, 16, 2, 0, 0, TimeSpan.Zero));
        var database = await TestDatabase.CreateWithDemoRegionAsync(lane);
        await using (database)
        await using (var app = new TongbanApp(database, services: s => s.AddSingleton<TimeProvider>(clock)))
        {
            var client = app.CreateClient();
            Assert.Contains("今天不是工作日，大厅休息", await client.GetStringAsync("/halls/city-centre"), StringComparison.Ordinal);
            clock.SetUtcNow(new DateTimeOffset(2026, 2, 28, 2, 0, 0, TimeSpan.Zero));
            app.Services.GetRequiredService<CalendarStore>().Invalidate();
            // The page itself is cached for a minute; the API is not.
            Assert.Contains("\"state\":\"OpenNow\"", await client.GetStringAsync("/api/organization/halls/city-centre"), StringComparison.Ordinal);
        }
    }
}
