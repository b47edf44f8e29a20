using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Tongban.Kernel.Security;

namespace Tongban.Sharing.Features.ReportSharing;

internal static class StatisticsEndpoints
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/statistics", async (SharingStatistics statistics, CancellationToken ct) => TypedResults.Ok(await statistics.GetAsync(ct)))
            .RequireAuthorization(Policies.DataAdministrator)
            .WithSummary("Resources by sharing type and by provider department; requests and grants by state");
}
