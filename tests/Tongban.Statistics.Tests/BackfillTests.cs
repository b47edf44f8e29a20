using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Tongban.Applications.Contracts;
using Tongban.Kernel.Seeding;
using Tongban.Kernel.Time;
using Tongban.Statistics.Data;

namespace Tongban.Statistics.Tests;

/// <summary>
/// Generated cases never pass through the outbox: the start of a demo instance (and <c>tongban generate cases</c>) fills
/// the facts and roll-ups from the cases, and the dashboard's figures are then the counts of the case tables.
/// A class of its own: the refill replaces every fact of its app.
/// </summary>
public sealed class BackfillTests(ClassLaneApps lanes) : IClassFixture<ClassLaneApps>
{
    private const string Always = "from=2020-01-01&to=";
    private const string CasesWhere = "SELECT COUNT(*) AS \"Value\" FROM app_cases WHERE ";

    [Theory, DatabaseLanes]
    public async Task Generated_cases_are_counted_on_the_next_demo_start_and_figures_equal_the_case_tables(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<ICaseGenerator>().GenerateAsync(600, 7, null, null, TestContext.Current.CancellationToken);
        var seeded = await SeedAgainAsync(app);
        Assert.Contains("statistics: 600 case facts filled from the cases", string.Join(" | ", seeded), StringComparison.Ordinal);

        var leader = await app.LeaderAsync();
        var to = $"{Always}{app.Services.GetRequiredService<RegionClock>().Today.AddDays(300):yyyy-MM-dd}";
        Assert.Equal(600, await TotalAsync(leader, "received", to));
        Assert.Equal(await CountAsync(app, CasesWhere + "accepted_on IS NOT NULL"), await TotalAsync(leader, "accepted", to));
        Assert.Equal(await CountAsync(app, CasesWhere + "status = 'Refused'"), await TotalAsync(leader, "refused", to));
        Assert.Equal(await CountAsync(app, CasesWhere + "status = 'Withdrawn'"), await TotalAsync(leader, "withdrawn", to));
        Assert.Equal(await CountAsync(app, CasesWhere + "deferred <> '[]' AND accepted_on IS NOT NULL"), await TotalAsync(leader, "deferred", to));
        var concluded = await CountAsync(app, CasesWhere + "concluded_on IS NOT NULL");
        Assert.True(concluded > 0, "the generator concludes some cases");
        Assert.Equal(concluded, await TotalAsync(leader, "concluded", to));
        // Some concluded cases are rated (好差评), and the figures count them as the ratings table has them.
        var rated = await CountAsync(app, "SELECT COUNT(*) AS \"Value\" FROM app_ratings WHERE ticket_id IS NULL");
        Assert.True(rated > 0 && rated < concluded, $"the generator rates some concluded cases: {rated} of {concluded}");
        var good = (await leader.FiguresAsync($"good-rate?by=month&{to}")).GetProperty("total");
        Assert.Equal(rated, good.GetProperty("denominator").GetDecimal());
        Assert.Equal(await CountAsync(app, "SELECT COUNT(*) AS \"Value\" FROM app_ratings WHERE ticket_id IS NULL AND level IN ('Dissatisfied', 'VeryDissatisfied')"), await TotalAsync(leader, "bad-ratings", to));

        var (department, ofDepartment) = await BusiestDepartmentAsync(app);
        var head = await app.DepartmentHeadAsync(department);
        Assert.Equal(new Dictionary<string, decimal?> { [department] = ofDepartment }, (await head.FiguresAsync($"received?by=department&{to}")).Values());
        Assert.Contains("statistics: has data, left as it is", await SeedAgainAsync(app)); // a second start leaves the facts alone
    }

    private static async Task<IReadOnlyList<string>> SeedAgainAsync(TongbanApp app)
    {
        var pack = RegionPack.Locate(app.Services.GetRequiredService<IOptions<RegionOptions>>().Value.DemoPack);
        return await app.Services.GetRequiredService<RegionSeeder>().SeedAsync(pack, onlyWhenEmpty: true, TestContext.Current.CancellationToken);
    }

    private static async Task<decimal?> TotalAsync(HttpClient client, string indicator, string range) =>
        (await client.FiguresAsync($"{indicator}?by=month&{range}")).GetProperty("total").GetProperty("value").GetDecimal();

    /// <summary>Counted straight from Applications' case table, as a person checking the dashboard would.</summary>
    private static async Task<decimal> CountAsync(TongbanApp app, string sql)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StatisticsDbContext>();
        return await db.Database.SqlQueryRaw<long>(sql).SingleAsync();
    }

    private static async Task<(string Department, decimal Cases)> BusiestDepartmentAsync(TongbanApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StatisticsDbContext>();
        var busiest = await db.Database.SqlQueryRaw<DepartmentCount>(
            "SELECT department_credit_code AS department, COUNT(*) AS cases FROM app_cases GROUP BY department_credit_code ORDER BY 2 DESC, 1").FirstAsync();
        return (busiest.Department, busiest.Cases);
    }

    private sealed record DepartmentCount(string Department, long Cases);
}
