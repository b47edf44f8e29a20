using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Halls.Contracts;
using Tongban.Kernel.Time;

namespace Tongban.Halls.Tests;

/// <summary>
/// IHallFigures, the halls' figures the statistics module reads: tickets taken and called with their waiting time, and
/// appointments kept — checked in against checked in plus missed, cancelled ones and slots to come not counted.
/// An app of its own: the figures of a hall and month are counted whole.
/// </summary>
public sealed class HallFiguresTests(ClassLaneApps lanes) : IClassFixture<ClassLaneApps>
{
    private const string Hall = DemoHalls.Diaobingshan;

    [Theory, DatabaseLanes]
    public async Task Tickets_waiting_time_and_appointments_kept_are_counted_per_hall_and_month(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var (id, _, _) = await app.RegisterCitizenAsync("大厅统计预约人");
        var holder = await app.AccountIdAsync(id);
        var kept = await app.PlaceAsync(Hall, "C", holder, DateTimeOffset.UtcNow.AddMinutes(-10), TimeSpan.FromMinutes(30));
        await app.PlaceAsync(Hall, "C", holder, DateTimeOffset.UtcNow.AddHours(-3), TimeSpan.FromMinutes(30)); // missed
        await app.PlaceAsync(Hall, "C", holder, DateTimeOffset.UtcNow.AddHours(3), TimeSpan.FromMinutes(30)); // still to come
        var kiosk = app.Browser();
        await kiosk.TakeAsync(Hall, "C");
        using (var checkedIn = await kiosk.PostAsJsonAsync($"/api/halls/{Hall}/check-in", new { code = kept }))
            Assert.True(checkedIn.StatusCode == HttpStatusCode.Created, await checkedIn.Content.ReadAsStringAsync());
        await Task.Delay(1100);
        Assert.NotNull(await (await app.ClerkAsync(DemoHalls.DiaobingshanDepartment)).CallAsync(Hall, "03"));

        await using var scope = app.Services.CreateAsyncScope();
        var today = scope.ServiceProvider.GetRequiredService<RegionClock>().Today;
        var hallId = (await scope.ServiceProvider.GetRequiredService<Organization.Contracts.IOrganizationDirectory>().ListHallsAsync(CancellationToken.None)).Single(h => h.Slug == Hall).Id;
        var months = await scope.ServiceProvider.GetRequiredService<IHallFigures>().MonthlyAsync(today.AddDays(-2), today.AddDays(2), hallId, CancellationToken.None);

        Assert.All(months, m => Assert.Equal(hallId, m.HallId));
        Assert.Equal(2, months.Sum(m => m.Tickets)); // the walk-in and the checked-in appointment's ticket
        Assert.Equal(1, months.Sum(m => m.TicketsCalled));
        Assert.True(months.Sum(m => m.WaitingSeconds) >= 1);
        Assert.Equal(2, months.Sum(m => m.AppointmentsDue)); // kept and missed; the one to come not yet
        Assert.Equal(1, months.Sum(m => m.AppointmentsCheckedIn));
        Assert.Empty(await scope.ServiceProvider.GetRequiredService<IHallFigures>().MonthlyAsync(today.AddYears(-3), today.AddYears(-3).AddDays(20), hallId, CancellationToken.None));
    }
}
