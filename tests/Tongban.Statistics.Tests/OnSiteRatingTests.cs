using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Applications.Contracts;
using Tongban.Kernel.Outbox;
using Tongban.Statistics.Contracts;
using Tongban.Statistics.Data;

namespace Tongban.Statistics.Tests;

/// <summary>
/// Ratings taken on site (现场"一次一评", <see cref="OnSiteRated"/>) count in the 好差评 figures beside the cases' own
/// ratings, under the channel where they were given; their rectifications count as a case's; each once whatever the order;
/// a rebuild gives the same.
/// </summary>
public sealed class OnSiteRatingTests(LaneApps lanes)
{
    private static readonly DateOnly Day = new(2008, 6, 2);
    private const string June = "from=2008-06-01&to=2008-06-30";

    [Theory, DatabaseLanes]
    public async Task On_site_ratings_count_in_the_good_rate_with_their_case_s_item_or_the_window_s_department_and_a_rebuild_gives_the_same(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var item = FactTests.NewItem();
        var @case = CaseEvents.New(item, DemoDepartments.County);
        var (joined, alone, good) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var due = Day.AddDays(7);
        await app.DeliverAsync(@case.Submitted(Day.AddDays(-3)), @case.Accepted(Day.AddDays(-2), Day.AddDays(3)), @case.Concluded(Day), @case.Rated(Day, 5));
        var reported = Reported(joined, @case, due, Day.AddDays(4));
        // The report before its rating, and every message twice: what a slow queue and a crash can do.
        await app.DeliverAsync(reported, OnSite(joined, @case, 1), reported, OnSite(joined, @case, 1),
            OnSite(alone, null, 2), OnSite(good, @case, 4), OnSite(alone, null, 2));

        var leader = await app.LeaderAsync();
        var byItem = (await leader.FiguresAsync($"good-rate?by=item&{June}")).GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("key").GetString() == item);
        Assert.Equal((2, 3), (byItem.GetProperty("numerator").GetInt64(), byItem.GetProperty("denominator").GetInt64())); // online 5, on site 1 and 4
        var byChannel = (await leader.FiguresAsync($"bad-ratings?by=channel&{June}&department={DemoDepartments.County}")).Values();
        Assert.Equal(new Dictionary<string, decimal?> { ["online"] = 0, ["window"] = 2 }, byChannel); // the window's own rating counts, with no item
        var rectified = await leader.FiguresAsync($"rectified-on-time-rate?by=item&{June}");
        Assert.Equal(100m, rectified.Values()[item]);

        var live = await DailyAsync(app);
        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<IStatisticsRebuild>().RebuildAsync(Day.AddDays(-10), null, CancellationToken.None);
        var rebuilt = await DailyAsync(app);
        Assert.Equal(live, rebuilt);
        Assert.Equal((4L, 2L, 1L), (rebuilt.Sum(d => d.Rated), rebuilt.Sum(d => d.RatedBad), rebuilt.Sum(d => d.Rectified)));
    }

    private static OutboxMessage OnSite(Guid ticket, CaseEvents? @case, int level) =>
        OutboxMessage.Create(OnSiteRated.MessageType, new OnSiteRated(ticket, @case?.Number ?? "", @case?.ItemCode ?? "", @case is null ? "" : "统计测试事项",
            DemoDepartments.County, "211221000000", level, level <= 2, CaseEvents.At(Day)), CaseEvents.At(Day));

    private static OutboxMessage Reported(Guid ticket, CaseEvents @case, DateOnly due, DateOnly on) =>
        OutboxMessage.Create(RectificationReported.MessageType, new RectificationReported(@case.CaseId, @case.Number, due, on <= due, CaseEvents.At(on), ticket), CaseEvents.At(on));

    private static async Task<List<(DateOnly Day, string Item, string Channel, long Rated, long RatedBad, long Rectified)>> DailyAsync(TongbanApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StatisticsDbContext>();
        var rows = await db.Daily.AsNoTracking().Where(d => d.DepartmentCode == DemoDepartments.County && d.Day >= Day.AddDays(-10) && d.Day <= Day.AddDays(20)).ToListAsync();
        return [.. rows.Select(d => (d.Day, d.ItemCode, d.Channel, d.Figures.Rated, d.Figures.RatedBad, d.Figures.Rectified)).Order()];
    }
}
