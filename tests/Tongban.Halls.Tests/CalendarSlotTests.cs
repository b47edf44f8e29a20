using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Kernel.Calendar;

namespace Tongban.Halls.Tests;

/// <summary>
/// Slots follow the working-day calendar. The test edits the calendar (a holiday, a working Saturday), which every hall
/// of the app reads, so it keeps apps of its own: a shared app's tests of weekend sessions saw the Saturday turned into
/// a working day meanwhile.
/// </summary>
public sealed class CalendarSlotTests(ClassLaneApps apps) : IClassFixture<ClassLaneApps>
{
    [Theory, DatabaseLanes]
    public async Task A_holiday_offers_no_slots_and_an_adjusted_working_saturday_does(DatabaseLane lane)
    {
        var app = await apps.For(lane);
        var visitor = app.Browser();
        using var scope = app.Services.CreateScope();
        var calendar = await scope.ServiceProvider.GetRequiredService<CalendarStore>().GetAsync();
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var days = Enumerable.Range(2, 10).Select(today.AddDays).ToList();
        var weekday = days.First(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && calendar.IsWorkingDay(d));
        var saturday = days.First(d => d.DayOfWeek == DayOfWeek.Saturday && !calendar.IsWorkingDay(d));
        var edit = scope.ServiceProvider.GetRequiredService<EditCalendar>();
        Assert.NotEmpty(await visitor.SlotsAsync(DemoHalls.County, "A", Iso(weekday)));
        Assert.Empty(await visitor.SlotsAsync(DemoHalls.County, "A", Iso(saturday)));
        await edit.SetAsync("test", weekday, CalendarDayKind.Holiday, "测试假日", "Test holiday", CancellationToken.None);
        await edit.SetAsync("test", saturday, CalendarDayKind.WorkingDay, "测试调休上班", "Test working Saturday", CancellationToken.None);
        try
        {
            Assert.Empty(await visitor.SlotsAsync(DemoHalls.County, "A", Iso(weekday)));
            Assert.Contains(await visitor.SlotsAsync(DemoHalls.County, "A", Iso(saturday)), s => s.From == "13:00");
            var (_, _, citizen) = await app.RegisterCitizenAsync("假日预约");
            using var refused = await citizen.BookAsync(DemoHalls.County, "A", Iso(weekday), "08:30");
            Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        }
        finally
        {
            await edit.RemoveAsync("test", weekday, CancellationToken.None);
            await edit.RemoveAsync("test", saturday, CancellationToken.None);
        }
    }

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
