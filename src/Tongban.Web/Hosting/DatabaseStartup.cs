using Microsoft.Extensions.Options;
using Tongban.Kernel.Data;
using Tongban.Kernel.Seeding;
using Tongban.Kernel.Time;

namespace Tongban.Web.Hosting;

public static class DatabaseStartup
{
    /// <summary>
    /// On one box: migrate, then load the demo region when the database is empty. Where a deploy step runs
    /// <c>tongban db migrate</c>, Database:MigrateOnStartup=false leaves the schema alone.
    /// </summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        var database = app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        if (!database.MigrateOnStartup) return;
        await app.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(app.Lifetime.ApplicationStopping);

        var region = app.Services.GetRequiredService<IOptions<RegionOptions>>().Value;
        if (!region.SeedDemoWhenEmpty) return;
        var report = await app.Services.GetRequiredService<RegionSeeder>()
            .SeedAsync(RegionPack.Locate(region.DemoPack), onlyWhenEmpty: true, app.Lifetime.ApplicationStopping);
        foreach (var line in report) app.Logger.LogInformation("Seed: {Line}", line);
    }
}
