using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Kernel.Outbox;
using Tongban.Statistics.Contracts;

namespace Tongban.Statistics.Tests;

/// <summary>
/// Rectified on time (差评整改按时率), appeals (申诉量) and appeals upheld (申诉成立数) from Applications' rectification events:
/// counted once whatever the order, a reopened rectification by its last round, the same after a rebuild, the cases behind
/// each figure, a department head's own only.
/// </summary>
public sealed class RectificationTests(LaneApps lanes)
{
    private static readonly DateOnly Rated = new(2010, 4, 1);
    private const string April = "from=2010-04-01&to=2010-04-30";

    [Theory, DatabaseLanes]
    public async Task Rectifications_and_appeals_are_counted_once_by_their_last_round_and_a_rebuild_gives_the_same(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var item = FactTests.NewItem();
        var due = Rated.AddDays(7);
        var (onTime, late, reopened, rejected) = (Bad(item), Bad(item), Bad(item), Bad(item));
        await app.DeliverAsync(Rating(onTime).Append(onTime.Reported(due, due)));
        await app.DeliverAsync(Rating(late).Append(late.Reported(due.AddDays(2), due)));
        // Late, appealed, upheld (reopened, due later), reported again on time — delivered out of order and twice.
        var round = new[] { reopened.Reported(due.AddDays(1), due), reopened.Appealed(due.AddDays(2)), reopened.Decided(due.AddDays(3), true, due.AddDays(10)), reopened.Reported(due.AddDays(9), due.AddDays(10)) };
        await app.DeliverAsync(Rating(reopened).Concat([round[3], round[0], round[2], round[1], round[3], round[0]]));
        await app.DeliverAsync(Rating(rejected).Concat([rejected.Reported(due, due), rejected.Appealed(due.AddDays(1)), rejected.Decided(due.AddDays(2), false)]));

        var leader = await app.LeaderAsync();
        var rate = await leader.FiguresAsync($"rectified-on-time-rate?by=item&{April}");
        var row = rate.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("key").GetString() == item);
        Assert.Equal((3, 4, 75.0m), (row.GetProperty("numerator").GetInt64(), row.GetProperty("denominator").GetInt64(), row.GetProperty("value").GetDecimal()));
        Assert.Equal(2m, (await leader.FiguresAsync($"appeals?by=item&{April}")).Values()[item]);
        Assert.Equal(1m, (await leader.FiguresAsync($"appeals-upheld?by=item&{April}")).Values()[item]);

        var behind = await leader.GetStringAsync($"/statistics/cases?indicator=appeals-upheld&{April}&department={DemoDepartments.County}");
        Assert.Contains(reopened.Number, behind, StringComparison.Ordinal);
        Assert.DoesNotContain(rejected.Number, behind, StringComparison.Ordinal);
        var onTimeCases = await leader.GetStringAsync($"/statistics/cases?indicator=rectified-on-time-rate&{April}&department={DemoDepartments.County}");
        Assert.DoesNotContain(late.Number, onTimeCases, StringComparison.Ordinal);
        Assert.Contains(reopened.Number, onTimeCases, StringComparison.Ordinal);

        var live = await FactTests.DailyAsync(app, item);
        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<IStatisticsRebuild>().RebuildAsync(Rated.AddDays(5), null, CancellationToken.None); // after the ratings: the reports and appeals alone bring a fact in
        var rebuilt = await FactTests.DailyAsync(app, item);
        Assert.Equal(live.Select(d => (d.Day, d.DepartmentCode, d.Figures)), rebuilt.Select(d => (d.Day, d.DepartmentCode, d.Figures)));
        Assert.Equal((4, 3, 2, 1), (rebuilt.Sum(d => d.Figures.Rectified), rebuilt.Sum(d => d.Figures.RectifiedOnTime), rebuilt.Sum(d => d.Figures.Appeals), rebuilt.Sum(d => d.Figures.AppealsUpheld)));
    }

    [Theory, DatabaseLanes]
    public async Task A_department_head_gets_their_own_appeals_and_another_department_s_are_not_found(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var item = FactTests.NewItem();
        var (own, other) = (CaseEvents.New(item, DemoDepartments.Qinghe), CaseEvents.New(item, DemoDepartments.Yinzhou));
        foreach (var c in new[] { own, other })
            await app.DeliverAsync(Rating(c).Concat([c.Reported(Rated.AddDays(3), Rated.AddDays(7)), c.Appealed(Rated.AddDays(4))]));
        var head = await app.DepartmentHeadAsync(DemoDepartments.Qinghe);

        Assert.Equal(new Dictionary<string, decimal?> { [DemoDepartments.Qinghe] = 1 }, (await head.FiguresAsync($"appeals?by=department&{April}")).Values());
        foreach (var address in new[] { $"/api/statistics/appeals?{April}&department={DemoDepartments.Yinzhou}", $"/statistics/cases?indicator=appeals&{April}&department={DemoDepartments.Yinzhou}",
                     $"/statistics/export.csv?indicator=rectified-on-time-rate&{April}&department={DemoDepartments.Yinzhou}" })
        {
            using var refused = await head.GetAsync(address);
            Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        }
        var mine = await head.GetStringAsync($"/statistics/cases?indicator=appeals&{April}");
        Assert.Contains(own.Number, mine, StringComparison.Ordinal);
        Assert.DoesNotContain(other.Number, mine, StringComparison.Ordinal);
    }

    [Theory, DatabaseLanes]
    public async Task Bad_queries_of_the_rectification_indicators_are_refused_never_a_server_error(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var leader = await app.LeaderAsync();
        foreach (var code in new[] { "rectified-on-time-rate", "appeals", "appeals-upheld" })
            foreach (var input in Fuzz.Strings("2010-04-01", mutations: 8, seed: code.Length))
            {
                var query = $"/api/statistics/{code}?by={Uri.EscapeDataString(input)}&from={Uri.EscapeDataString(input)}&department={Uri.EscapeDataString(input)}";
                using var response = await leader.GetAsync(query);
                await Fuzz.AssertHandledAsync(response, query, HttpStatusCode.OK, HttpStatusCode.BadRequest);
            }
        using var reversed = await leader.GetAsync("/api/statistics/appeals?from=2010-04-30&to=2010-04-01");
        Assert.Equal(HttpStatusCode.BadRequest, reversed.StatusCode);
    }

    [Theory, DatabaseLanes]
    public async Task A_rating_read_back_from_the_cases_makes_the_fact_the_live_events_make(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var (clock, calendar) = (app.Services.GetRequiredService<Kernel.Time.RegionClock>(), await app.Services.GetRequiredService<Kernel.Calendar.CalendarStore>().GetAsync());
        var due = Rated.AddDays(10);
        // Reported after its first due date, appealed, upheld, reported again by the new one: the rating keeps the last round only.
        var row = new Applications.Contracts.CaseFactRow(Guid.NewGuid(), "STBACKFILL1", "ST-BACKFILL", "事项", DemoDepartments.County, "211221000000", "online",
            CaseEvents.At(Rated.AddDays(-5)), Rated.AddDays(-4), Rated.AddDays(2), null, null, Rated.AddDays(-1), 0, 0, 0, 1, 1, CaseEvents.At(Rated),
            RectificationDueOn: due, RectifiedAt: CaseEvents.At(due.AddDays(-1)), AppealedAt: CaseEvents.At(Rated.AddDays(4)), AppealUpheld: true);
        var fact = Features.Rebuild.FactsFromCases.Of(row, clock, calendar);
        Assert.Equal((due, due.AddDays(-1), Rated.AddDays(4), true), (fact.RectificationDueOn, fact.RectifiedOn, fact.AppealedOn, fact.AppealUpheld));
        var sums = new Domain.Measures();
        foreach (var (_, figures) in Domain.Contributions.Of(fact)) sums.Add(figures);
        Assert.Equal((1, 1, 1, 1), (sums.Rectified, sums.RectifiedOnTime, sums.Appeals, sums.AppealsUpheld));

        var reopened = Features.Rebuild.FactsFromCases.Of(row with { RectifiedAt = null }, clock, calendar); // upheld, not reported again yet
        Assert.Equal((due, (DateOnly?)null), (reopened.RectificationDueOn, reopened.RectifiedOn));
    }

    private static CaseEvents Bad(string item) => CaseEvents.New(item, DemoDepartments.County);

    /// <summary>Submitted, accepted, concluded and rated very dissatisfied.</summary>
    private static IEnumerable<OutboxMessage> Rating(CaseEvents c) =>
        [c.Submitted(Rated.AddDays(-5)), c.Accepted(Rated.AddDays(-4), Rated.AddDays(2)), c.Concluded(Rated.AddDays(-1)), c.Rated(Rated, 1)];
}
