using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Kernel.Outbox;
using Tongban.Statistics.Contracts;
using Tongban.Statistics.Data;
using Tongban.Statistics.Domain;
using Tongban.Statistics.Features.Indicators;
using Tongban.Statistics.Features.QueryFigures;

namespace Tongban.Statistics.Tests;

/// <summary>Case facts and daily roll-ups from the outbox events: idempotent, order-free, equal to a recount, and to a rebuild.</summary>
public sealed class FactTests(LaneApps lanes)
{
    private static readonly DateOnly Monday = new(2021, 3, 1);

    [Theory, DatabaseLanes]
    public async Task Repeated_and_out_of_order_events_leave_the_same_fact_and_figures(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var (inOrder, shuffled) = (CaseEvents.New(NewItem(), DemoDepartments.Yinzhou), CaseEvents.New(NewItem(), DemoDepartments.Yinzhou));
        await app.DeliverAsync(Lifecycle(inOrder));
        var late = Lifecycle(shuffled);
        // The rating first, the submission last, every message twice: what a crash and a slow queue can do.
        await app.DeliverAsync([late[5], late[3], late[5], late[1], late[4], late[2], late[0], late[3], late[0], late[1]]);

        var (a, b) = (await FactAsync(app, inOrder.CaseId), await FactAsync(app, shuffled.CaseId));
        // Accepted on Tuesday, concluded on Sunday: Wednesday to Friday are the working days used.
        Assert.Equal((Monday, Monday.AddDays(1), Monday.AddDays(5), Monday.AddDays(6), 2, 3, 5), (a.ReceivedOn!.Value, a.AcceptedOn!.Value, a.DueOn!.Value, a.ConcludedOn!.Value, a.Corrections, a.WorkingDays!.Value, a.RatingLevel!.Value));
        Assert.Equal(Project(a), Project(b));
        var (dailyA, dailyB) = (await DailyAsync(app, inOrder.ItemCode), await DailyAsync(app, shuffled.ItemCode));
        Assert.Equal(dailyA.Select(d => (d.Day, d.DepartmentCode, d.DivisionCode, d.Figures)), dailyB.Select(d => (d.Day, d.DepartmentCode, d.DivisionCode, d.Figures)));
        Assert.All(dailyB, d => Assert.Equal("211202000000", d.DivisionCode)); // the short form an event carried, kept in 12 digits
        Assert.DoesNotContain(dailyB, d => d.DepartmentCode.Length == 0); // the rating that came first moved under the department once known
        Assert.Equal(1, dailyB.Sum(d => d.Figures.Received));
        Assert.Equal(2, dailyB.Sum(d => d.Figures.Corrections));
    }

    [Theory, DatabaseLanes]
    public async Task Daily_figures_equal_a_recount_from_the_facts_and_a_rebuild_gives_the_same(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var item = NewItem();
        var random = new Random(lane == DatabaseLane.Sqlite ? 3 : 5);
        List<OutboxMessage> all = [];
        for (var i = 0; i < 40; i++)
        {
            var events = CaseEvents.New(item, i % 3 == 0 ? DemoDepartments.Qinghe : DemoDepartments.County, i % 2 == 0 ? "online" : "window",
                i % 5 == 0 ? "211221101006" : i % 5 == 1 ? "211221101000" : "211221000000");
            all.AddRange(Lifecycle(events, random.Next(0, 10), random.Next(1, 12), random.Next(1, 6)).Take(random.Next(1, 7)));
        }
        await app.DeliverAsync(all.OrderBy(_ => random.Next()).Concat(all.Where((_, i) => i % 4 == 0)));

        var live = await DailyAsync(app, item);
        Assert.Equal(Recount(await FactsAsync(app, item)), live.Select(d => (d.Day, d.DepartmentCode, d.DivisionCode, d.Channel, d.Figures)).ToList());
        Assert.Equal(3, live.Select(d => d.DivisionCode).Distinct().Count()); // the division is part of the roll-up's key
        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<IStatisticsRebuild>().RebuildAsync(Monday.AddDays(-20), null, CancellationToken.None);
        var rebuilt = await DailyAsync(app, item);
        Assert.Equal(live.Select(d => (d.Day, d.DepartmentCode, d.DivisionCode, d.Channel, d.Figures)), rebuilt.Select(d => (d.Day, d.DepartmentCode, d.DivisionCode, d.Channel, d.Figures)));
        Assert.True(live.Sum(d => d.Figures.Concluded) > 0 && live.Sum(d => d.Figures.Rated) > 0, "the sample reached conclusion and rating");
    }

    [Theory, DatabaseLanes]
    public async Task The_monthly_rows_are_their_days_summed_live_and_after_a_rebuild_and_any_period_reads_as_its_days(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var item = NewItem();
        var random = new Random(lane == DatabaseLane.Sqlite ? 7 : 11);
        // Cases from late February to early May 2021, each with its milestones over the following days.
        var all = Enumerable.Range(0, 30).SelectMany(_ => Lifecycle(CaseEvents.New(item, DemoDepartments.Qinghe, random.Next(2) == 0 ? "online" : "window"),
            random.Next(-5, 62), random.Next(1, 12), random.Next(1, 6))).ToList();
        await app.DeliverAsync(all.OrderBy(_ => random.Next()));
        await AssertMonthsAreTheirDaysAsync(app, item);

        await using (var scope = app.Services.CreateAsyncScope()) // from the middle of a month: that month is summed again whole
            await scope.ServiceProvider.GetRequiredService<IStatisticsRebuild>().RebuildAsync(new DateOnly(2021, 3, 17), null, CancellationToken.None);
        await AssertMonthsAreTheirDaysAsync(app, item);

        // A period reads months from the monthly rows and edges from the daily ones — an edge month mostly inside as its
        // month less its outside days — and always the same as its days.
        var days = await DailyAsync(app, item);
        var leader = await app.LeaderAsync();
        foreach (var (from, to) in new[] { ("2021-03-01", "2021-03-31"), ("2021-02-26", "2021-05-03"), ("2021-03-10", "2021-03-20"), ("2021-03-10", "2021-04-30"), ("2021-02-01", "2021-12-31"),
            ("2021-03-03", "2021-03-29"), ("2021-03-05", "2021-04-27"), ("2021-02-10", "2021-03-01") })
        {
            var (first, last) = (DateOnly.Parse(from, CultureInfo.InvariantCulture), DateOnly.Parse(to, CultureInfo.InvariantCulture));
            var expected = days.Where(d => d.Day >= first && d.Day <= last).Sum(d => d.Figures.Concluded);
            Assert.True(expected > 0 || last < new DateOnly(2021, 3, 21), $"the sample concluded cases in {from}–{to}");
            var answer = (await leader.FiguresAsync($"concluded?by=item&from={from}&to={to}&department={DemoDepartments.Qinghe}")).Values();
            Assert.Equal(expected, answer.GetValueOrDefault(item) ?? 0);

            // The dashboard reads its trend and its slice table at once, summed by (month, slice) and folded both ways:
            // the same tables as reading by month and by the slice apart, for each slicing it offers.
            await using var scope = app.Services.CreateAsyncScope();
            var reader = scope.ServiceProvider.GetRequiredService<FigureReader>();
            var concluded = IndicatorRegistry.Find("concluded")!;
            foreach (var query in new FigureQuery[] { new(concluded, By.Department, first, last, null), new(concluded, By.Division, first, last, DemoDepartments.Qinghe), new(concluded, By.Level, first, last, null) })
            {
                var (byMonth, sliced) = await reader.ReadByMonthAndSliceAsync(query, TestContext.Current.CancellationToken);
                var (month, slice) = (await reader.ReadAsync(query with { By = By.Month }, TestContext.Current.CancellationToken), await reader.ReadAsync(query, TestContext.Current.CancellationToken));
                Assert.True(month.Rows.Count > 0 && slice.Rows.Count > 0, $"{query.By} {from}–{to} has figures");
                Assert.Equal((month.Query, Shape(month)), (byMonth.Query, Shape(byMonth)));
                Assert.Equal((slice.Query, Shape(slice)), (sliced.Query, Shape(sliced)));
            }
        }
    }

    private static string Shape(FigureTable table) =>
        string.Join("\n", table.Rows.Append(table.Total).Select(r => $"{r.Key} {r.LabelZh} {r.LabelEn} {r.Value} {r.Measures}"));

    private static async Task AssertMonthsAreTheirDaysAsync(TongbanApp app, string item)
    {
        var days = await DailyAsync(app, item);
        var months = await Db(app, db => db.Monthly.AsNoTracking().Where(m => m.ItemCode == item).ToListAsync());
        var summed = days.GroupBy(d => (d.Month, d.DepartmentCode, d.DivisionCode, d.Channel)).ToDictionary(g => g.Key, g =>
        {
            var sum = new Measures();
            foreach (var d in g) sum.Add(d.Figures);
            return sum;
        });
        Assert.Equal(summed.Where(s => !s.Value.IsZero).OrderBy(s => s.Key).Select(s => (s.Key, s.Value)),
            months.Select(m => ((m.Month, m.DepartmentCode, m.DivisionCode, m.Channel), m.Figures)).OrderBy(m => m.Item1));
        Assert.True(months.Select(m => m.Month).Distinct().Count() >= 3, "the sample spans three months at least");
    }

    [Theory, DatabaseLanes]
    public async Task A_rebuild_running_while_events_arrive_loses_none_of_them(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var item = NewItem();
        var messages = Enumerable.Range(0, 40).SelectMany(i => Lifecycle(CaseEvents.New(item, DemoDepartments.Qinghe), startOffset: i % 9)).ToList();
        using var stop = new CancellationTokenSource();
        var rebuilds = Task.Run(async () =>
        {
            var count = 0;
            for (; !stop.IsCancellationRequested; count++)
            {
                await using var scope = app.Services.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<IStatisticsRebuild>().RebuildAsync(Monday, null, CancellationToken.None);
                await Task.Delay(10, CancellationToken.None); // room for the events (SQLite's waiting writers poll)
            }
            return count;
        });
        // Rebuilds one after another while the events arrive: an event falling between a rebuild's sum and its writes is
        // lost unless the two exclude each other.
        await app.DeliverAsync(messages);
        await stop.CancelAsync();
        Assert.True(await rebuilds >= 2, "rebuilds ran while the events were delivered");

        var live = await DailyAsync(app, item);
        Assert.Equal(Recount(await FactsAsync(app, item)), live.Select(d => (d.Day, d.DepartmentCode, d.DivisionCode, d.Channel, d.Figures)).ToList());
        Assert.Equal(40, live.Sum(d => d.Figures.Received));
    }

    [Theory, DatabaseLanes]
    public async Task Workers_adding_to_the_same_rows_at_once_lose_nothing_and_fail_nothing(DatabaseLane lane)
    {
        // Two instances' outbox workers (here eight at once) delivering events of one item, one day, one department: every
        // event adds to the same daily and monthly rows. On PostgreSQL the writers really race (a revision changed under
        // an update, the same key inserted twice); each loser runs its unit again instead of failing its message.
        var app = await lanes.For(lane);
        var item = NewItem();
        var cases = Enumerable.Range(0, 48).Select(_ => CaseEvents.New(item, DemoDepartments.Qinghe)).ToList();
        var messages = cases.SelectMany(c => new[] { c.Submitted(Monday), c.Accepted(Monday, Monday.AddDays(5)) }).ToList();
        await Task.WhenAll(Enumerable.Range(0, 8).Select(worker => Task.Run(() => app.DeliverAsync(messages.Where((_, i) => i % 8 == worker)))));

        var day = Assert.Single(await DailyAsync(app, item));
        Assert.Equal((48, 48), (day.Figures.Received, day.Figures.Accepted));
        var month = Assert.Single(await Db(app, db => db.Monthly.AsNoTracking().Where(m => m.ItemCode == item).ToListAsync()));
        Assert.Equal((48, 48), (month.Figures.Received, month.Figures.Accepted));
        Assert.Equal(48, (await FactsAsync(app, item)).Count(f => f.AcceptedOn == Monday));
    }

    /// <summary>Submitted, a correction, accepted, a second correction, concluded, rated — days after a Monday as given.</summary>
    internal static OutboxMessage[] Lifecycle(CaseEvents c, int startOffset = 0, int concludeAfter = 6, int rating = 5)
    {
        var start = Monday.AddDays(startOffset);
        return [c.Submitted(start), c.Correction(start), c.Accepted(start.AddDays(1), start.AddDays(5)), c.Correction(start.AddDays(2)),
            c.Concluded(start.AddDays(concludeAfter)), c.Rated(start.AddDays(concludeAfter + 1), rating)];
    }

    /// <summary>The daily sums counted straight from the facts, milestone by milestone (not through the roll-up code).</summary>
    private static List<(DateOnly, string, string, string, Measures)> Recount(List<CaseFact> facts)
    {
        var days = facts.SelectMany(f => new[] { f.ReceivedOn, f.AcceptedOn, f.ConcludedOn, f.RatedOn }).OfType<DateOnly>().Distinct();
        return [.. days.SelectMany(day => facts.GroupBy(f => (f.DepartmentCode, f.DivisionCode, f.Channel)).Select(g => (day, g.Key.DepartmentCode, g.Key.DivisionCode, g.Key.Channel, new Measures
        {
            Received = g.Count(f => f.ReceivedOn == day), Corrections = g.Where(f => f.ReceivedOn == day).Sum(f => f.Corrections),
            Accepted = g.Count(f => f.AcceptedOn == day), Concluded = g.Count(f => f.ConcludedOn == day),
            ConcludedWithDue = g.Count(f => f.ConcludedOn == day && f.DueOn != null),
            ConcludedOnTime = g.Count(f => f.ConcludedOn == day && f.ConcludedOn <= f.DueOn), ConcludedLate = g.Count(f => f.ConcludedOn == day && f.ConcludedOn > f.DueOn),
            WorkingDaysSum = g.Where(f => f.ConcludedOn == day).Sum(f => f.WorkingDays ?? 0), WorkingDaysCount = g.Count(f => f.ConcludedOn == day && f.WorkingDays != null),
            Rated = g.Count(f => f.RatedOn == day), RatedBad = g.Count(f => f.RatedOn == day && f.RatingLevel <= 2),
        })).Where(r => !r.Item5.IsZero)).OrderBy(r => r.day).ThenBy(r => r.DepartmentCode, StringComparer.Ordinal).ThenBy(r => r.DivisionCode, StringComparer.Ordinal).ThenBy(r => r.Channel, StringComparer.Ordinal)];
    }

    private static object Project(CaseFact f) => (f.ReceivedOn, f.AcceptedOn, f.DueOn, f.ConcludedOn, f.Corrections, f.WorkingDays, f.RatingLevel, f.RatedOn, f.DepartmentCode, f.Channel);

    internal static string NewItem() => "ST-" + Guid.NewGuid().ToString("N")[..10];

    private static async Task<CaseFact> FactAsync(TongbanApp app, Guid id) => await Db(app, db => db.Cases.AsNoTracking().SingleAsync(c => c.CaseId == id));

    private static Task<List<CaseFact>> FactsAsync(TongbanApp app, string item) => Db(app, db => db.Cases.AsNoTracking().Where(c => c.ItemCode == item).ToListAsync());

    internal static async Task<List<DailyFigures>> DailyAsync(TongbanApp app, string item) =>
        [.. (await Db(app, db => db.Daily.AsNoTracking().Where(d => d.ItemCode == item).ToListAsync()))
            .OrderBy(d => d.Day).ThenBy(d => d.DepartmentCode, StringComparer.Ordinal).ThenBy(d => d.DivisionCode, StringComparer.Ordinal).ThenBy(d => d.Channel, StringComparer.Ordinal)];

    private static async Task<T> Db<T>(TongbanApp app, Func<StatisticsDbContext, Task<T>> read)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<StatisticsDbContext>());
    }
}
