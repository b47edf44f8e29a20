using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tongban.Federation.Data;
using Tongban.Federation.Kinds;
using Tongban.Kernel.Time;

namespace Tongban.Federation.Features.Reconcile;

/// <summary>
/// On a city: deletes the rows of <c>fed_outgoing</c> the province has acknowledged whose day is more than
/// <c>Federation:KeepSentDays</c> behind today (the province keeps its copy; only the city's queue is emptied). A row
/// not yet acknowledged is never deleted, however old. A day that old can no longer be reconciled
/// (<see cref="Reconciler.CheckKept"/>): the city would no longer hold what it sent.
/// </summary>
internal sealed class Pruner(FederationDbContext db, IEnumerable<UpwardKind> kinds, IOptions<FederationOptions> options, RegionClock clock)
{
    /// <summary>The first day still kept, or null when everything is kept (<c>KeepSentDays</c> 0).</summary>
    public static DateOnly? FirstKept(FederationOptions options, RegionClock clock) =>
        options.KeepSentDays > 0 ? clock.Today.AddDays(-options.KeepSentDays) : null;

    /// <returns>How many rows were deleted.</returns>
    public async Task<int> PruneAsync(CancellationToken cancellationToken)
    {
        if (FirstKept(options.Value, clock) is not { } first) return 0;
        var deleted = 0;
        foreach (var kind in kinds.Select(k => k.Code)) // one statement a kind, each a range of the (kind, day) index
            deleted += await db.Outgoing.Where(r => r.Kind == kind && r.Day < first && r.Sent).ExecuteDeleteAsync(cancellationToken);
        return deleted;
    }
}
