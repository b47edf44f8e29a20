using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Licenses.Data;

namespace Tongban.Licenses.Tests;

/// <summary>The demo region's historical records: loaded through the import, bad lines and all (the shared fixtures ask for none).</summary>
public sealed class DemoHistoryTests
{
    [Fact]
    public async Task A_demo_region_loads_the_asked_number_of_generated_records_through_the_import_with_its_quality_report()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseLane.Sqlite);
        await using var app = new TongbanApp(database, new Dictionary<string, string?> { ["Licenses:DemoHistoryRecords"] = "240" });
        _ = app.Server;

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LicensesDbContext>();
        var run = await db.ImportRuns.AsNoTracking().SingleAsync();
        Assert.Equal(240, run.LinesDone);
        Assert.Equal(240, run.Imported + run.Rejected);
        Assert.InRange(run.Rejected, 1, 60); // the generator writes about one bad line in twelve, each named
        Assert.Equal(run.Rejected, await db.ImportRejections.CountAsync(r => r.RunId == run.Id));
        Assert.Equal(run.Imported, await db.Licenses.CountAsync(l => l.SourceKey!.StartsWith($"import:{run.Id:N}:")));
    }
}
