using Microsoft.EntityFrameworkCore;
using Tongban.Kernel.Security;
using Tongban.Kernel.Seeding;
using Tongban.Statistics.Data;

namespace Tongban.Statistics.Features.PublicPerformance;

/// <summary>
/// On a start that loads the demo region, after the facts are filled: the last ended month is published, so the demo's
/// public performance page shows what a published month looks like. A real region publishes by hand or by
/// <c>tongban statistics publish</c>.
/// </summary>
internal sealed class PerformanceImporter(StatisticsDbContext db, PublicPerformance performance) : IRegionPackImporter
{
    public int Order => 101;

    public string Name => "performance";

    public Task<bool> HasDataAsync(CancellationToken cancellationToken) => db.Published.AnyAsync(cancellationToken);

    public async Task<string> ImportAsync(RegionPack pack, CancellationToken cancellationToken)
    {
        var month = await performance.PublishAsync(performance.LastEndedMonth(), Actor.System, cancellationToken);
        return $"performance: {month.Month} published ({month.Rows.Count} departments)";
    }
}
