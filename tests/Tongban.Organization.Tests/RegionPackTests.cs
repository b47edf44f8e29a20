using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Kernel.Errors;
using Tongban.Kernel.Seeding;
using Tongban.Organization.Data;

namespace Tongban.Organization.Tests;

/// <summary>A seed file with a bad line is refused with file, line and field named, and nothing of the pack is applied.</summary>
public sealed class RegionPackTests
{
    private static RegionPack CopyOfDemoPack(Func<string, string, string> edit)
    {
        var source = RegionPack.Locate("tieling");
        var target = Directory.CreateTempSubdirectory("tongban-pack-").FullName;
        foreach (var file in Directory.GetFiles(source.Directory))
            File.WriteAllText(Path.Combine(target, Path.GetFileName(file)), edit(Path.GetFileName(file), File.ReadAllText(file)));
        return new RegionPack("broken", target);
    }

    private static async Task<(TongbanApp App, TestDatabase Database)> EmptyAppAsync(DatabaseLane lane)
    {
        var database = await TestDatabase.CreateAsync(lane);
        var app = new TongbanApp(database, new Dictionary<string, string?> { ["Region:SeedDemoWhenEmpty"] = "false" });
        _ = app.Server;
        return (app, database);
    }

    [Theory]
    [DatabaseLanes]
    public async Task A_malformed_and_a_duplicate_division_code_are_named_with_their_lines_and_nothing_is_applied(DatabaseLane lane)
    {
        var pack = CopyOfDemoPack((file, text) => file == "divisions.csv"
            ? text.Replace("211221101200,", "21122110120X,", StringComparison.Ordinal) + "211202001000,重复街道,township,2020-01-01,\n"
            : text);
        var (app, database) = await EmptyAppAsync(lane);
        await using (database)
        await using (app)
        {
            var lines = File.ReadAllLines(pack.PathOf("divisions.csv"));
            var badLine = Array.FindIndex(lines, l => l.StartsWith("21122110120X", StringComparison.Ordinal)) + 1;
            var seeder = app.Services.GetRequiredService<RegionSeeder>();

            var ex = await Assert.ThrowsAsync<DomainException>(() => seeder.SeedAsync(pack, onlyWhenEmpty: false, CancellationToken.None));

            Assert.Contains(ex.Errors, e => e.Field == $"divisions.csv line {badLine}, code" && e.Code == "division_code.format");
            Assert.Contains(ex.Errors, e => e.Field == $"divisions.csv line {lines.Length}, code" && e.Code == "division.duplicate");
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<OrganizationDbContext>();
            Assert.Equal(0, await db.Divisions.CountAsync(TestContext.Current.CancellationToken));
            Assert.Equal(0, await db.Departments.CountAsync(TestContext.Current.CancellationToken));
        }
    }

    [Theory]
    [DatabaseLanes]
    public async Task A_window_of_an_unknown_department_refuses_the_whole_pack(DatabaseLane lane)
    {
        var pack = CopyOfDemoPack((file, text) => file == "windows.csv" ? text + "city-centre,Z99,91110000600037341L,无主窗口,Orphan\n" : text);
        var (app, database) = await EmptyAppAsync(lane);
        await using (database)
        await using (app)
        {
            var seeder = app.Services.GetRequiredService<RegionSeeder>();
            var ex = await Assert.ThrowsAsync<DomainException>(() => seeder.SeedAsync(pack, onlyWhenEmpty: false, CancellationToken.None));
            Assert.Contains(ex.Errors, e => e.Field!.StartsWith("windows.csv line ", StringComparison.Ordinal) && e.Field.EndsWith("department_credit_code", StringComparison.Ordinal));
            await using var scope = app.Services.CreateAsyncScope();
            Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<OrganizationDbContext>().Halls.CountAsync(TestContext.Current.CancellationToken));
        }
    }

    [Theory]
    [DatabaseLanes]
    public async Task An_extra_session_naming_a_window_the_hall_lacks_refuses_the_whole_pack(DatabaseLane lane)
    {
        var pack = CopyOfDemoPack((file, text) => file == "halls.json" ? text.Replace("\"D04\"", "\"D99\"", StringComparison.Ordinal) : text);
        var (app, database) = await EmptyAppAsync(lane);
        await using (database)
        await using (app)
        {
            var seeder = app.Services.GetRequiredService<RegionSeeder>();
            var ex = await Assert.ThrowsAsync<DomainException>(() => seeder.SeedAsync(pack, onlyWhenEmpty: false, CancellationToken.None));
            var error = Assert.Single(ex.Errors);
            Assert.Equal(("hall.extra_window_unknown", "halls.json city-centre extraSessions, windows"), (error.Code, error.Field));
            Assert.Contains("D99", error.Chinese, StringComparison.Ordinal);
            await using var scope = app.Services.CreateAsyncScope();
            Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<OrganizationDbContext>().Halls.CountAsync(TestContext.Current.CancellationToken));
        }
    }
}
