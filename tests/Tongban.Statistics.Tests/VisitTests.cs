namespace Tongban.Statistics.Tests;

/// <summary>Withdrawals, 容缺 acceptance and the trips recorded (against the item's promise) counted from Applications' events.</summary>
public sealed class VisitTests(LaneApps lanes)
{
    [Theory, DatabaseLanes]
    public async Task Withdrawals_deferred_acceptance_and_trips_over_the_promise_are_counted_and_open_their_cases(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var day = new DateOnly(2018, 4, 2);
        var item = FactTests.NewItem();
        var (walkIn, online, withdrawn) = (CaseEvents.New(item, DemoDepartments.Yinzhou, "window"), CaseEvents.New(item, DemoDepartments.Yinzhou), CaseEvents.New(item, DemoDepartments.Yinzhou));
        await app.DeliverAsync(
            walkIn.Notice("submitted", day, trips: 1, promisedTrips: 1), walkIn.Notice("accepted_deferred", day, day.AddDays(5), 1, 1),
            walkIn.Trip(day.AddDays(1), 2, 1), walkIn.Notice("concluded", day.AddDays(2), trips: 1, promisedTrips: 1), // a late notice knowing fewer trips changes nothing
            online.Notice("submitted", day, trips: 0, promisedTrips: 1), online.Accepted(day, day.AddDays(5)), online.Notice("concluded", day.AddDays(3), trips: 0, promisedTrips: 1),
            withdrawn.Submitted(day), withdrawn.Withdrawn(day.AddDays(1)), withdrawn.Withdrawn(day.AddDays(1)));
        var leader = await app.LeaderAsync();
        const string April = "from=2018-04-01&to=2018-04-30";

        Assert.Equal(1, (await leader.FiguresAsync($"deferred?{April}")).Values()["2018-04"]);
        Assert.Equal(1, (await leader.FiguresAsync($"withdrawn?by=day&{April}")).Values()["2018-04-03"]);
        Assert.Equal(1.0m, (await leader.FiguresAsync($"average-trips?{April}")).Values()["2018-04"]); // (2 + 0) ÷ 2
        Assert.Equal(50.0m, (await leader.FiguresAsync($"trips-within-promise?{April}")).Values()["2018-04"]);
        var over = await leader.GetStringAsync($"/statistics/cases?indicator=trips-over-promise&{April}");
        Assert.Contains(walkIn.Number, over, StringComparison.Ordinal);
        Assert.DoesNotContain(online.Number, over, StringComparison.Ordinal);
        var withdrawals = await leader.GetStringAsync($"/statistics/cases?indicator=withdrawn&{April}");
        Assert.Contains(withdrawn.Number, withdrawals, StringComparison.Ordinal);
        Assert.Contains("共 1 件", withdrawals, StringComparison.Ordinal);
    }

    [Theory, DatabaseLanes]
    public async Task The_once_only_rate_counts_materials_fetched_instead_of_brought_as_submitted(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var day = new DateOnly(2018, 5, 7);
        var item = FactTests.NewItem();
        var (fetched, brought, corrected) = (CaseEvents.New(item, DemoDepartments.Yinzhou), CaseEvents.New(item, DemoDepartments.Yinzhou), CaseEvents.New(item, DemoDepartments.Yinzhou));
        await app.DeliverAsync(
            fetched.Notice("submitted", day, materials: 3, reused: 2), fetched.Notice("submitted", day, materials: 3, reused: 2), // delivered twice: counted once
            brought.Notice("submitted", day, materials: 3, reused: 0),
            corrected.Notice("submitted", day.AddDays(1), materials: 2, reused: 0),
            corrected.Notice("accepted", day.AddDays(2), day.AddDays(9), materials: 3, reused: 1)); // a material given later: the figure stays as submitted
        var leader = await app.LeaderAsync();

        var days = (await leader.FiguresAsync("once-only-rate?by=day&from=2018-05-01&to=2018-05-31")).Values();

        Assert.Equal(33.3m, days["2018-05-07"]); // (2 + 0) ÷ (3 + 3)
        Assert.Equal(0.0m, days["2018-05-08"]);
        Assert.Equal(25.0m, (await leader.FiguresAsync("once-only-rate?from=2018-05-01&to=2018-05-31")).Values()["2018-05"]); // 2 ÷ 8
    }
}
