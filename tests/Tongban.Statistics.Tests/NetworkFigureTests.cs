using Microsoft.Extensions.DependencyInjection;
using Tongban.Kernel.Web;

namespace Tongban.Statistics.Tests;

/// <summary>
/// The network pages' figures (kernel <see cref="INetworkFigures"/>, issue #19 item 8): cases accepted by the level of the
/// case's division and by channel, summed from the daily roll-ups as <c>by=level</c> sums them; cases only received are
/// not counted, nor days outside the period.
/// </summary>
public sealed class NetworkFigureTests(LaneApps lanes)
{
    [Theory, DatabaseLanes]
    public async Task Accepted_cases_are_summed_by_level_of_division_and_channel(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var day = lane == DatabaseLane.Sqlite ? new DateOnly(2009, 3, 9) : new DateOnly(2009, 5, 11);
        var item = FactTests.NewItem();
        CaseEvents[] accepted =
        [
            CaseEvents.New(item, DemoDepartments.County, "station", "211221000000"), CaseEvents.New(item, DemoDepartments.County, "station", "211221000000"),
            CaseEvents.New(item, DemoDepartments.County, "online", "211221000000"), CaseEvents.New(item, DemoDepartments.Yinzhou, "window", "211200000000"),
            CaseEvents.New(item, DemoDepartments.County, "station", "211221105209"),
        ];
        foreach (var c in accepted) await app.DeliverAsync(c.Submitted(day), c.Accepted(day, day.AddDays(10)));
        var onlyReceived = CaseEvents.New(item, DemoDepartments.County, "station", "211221000000");
        await app.DeliverAsync(onlyReceived.Submitted(day));
        var later = CaseEvents.New(item, DemoDepartments.County, "window", "211221000000");
        await app.DeliverAsync(later.Submitted(day.AddDays(40)), later.Accepted(day.AddDays(40), day.AddDays(50)));

        await using var scope = app.Services.CreateAsyncScope();
        var figures = await scope.ServiceProvider.GetRequiredService<INetworkFigures>().AcceptedAsync(day, day.AddDays(7), CancellationToken.None);
        Assert.Equal(
            [new NetworkFigure("city", "window", 1), new NetworkFigure("county", "online", 1), new NetworkFigure("county", "station", 2), new NetworkFigure("village", "station", 1)],
            figures);
    }
}
