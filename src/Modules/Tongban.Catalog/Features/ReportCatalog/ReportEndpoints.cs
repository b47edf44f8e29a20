using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Tongban.Kernel.Security;

namespace Tongban.Catalog.Features.ReportCatalog;

internal static class ReportEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/statistics", async (CatalogStatistics statistics, CancellationToken ct) => TypedResults.Ok(await statistics.GetAsync(ct)))
            .WithSummary("Online-handling rate, zero- and one-trip counts, time-limit compression: in all, per department, per level");
        api.MapGet("/consistency", async (ConsistencyReport report, CancellationToken ct) => TypedResults.Ok(await report.GetAsync(ct)))
            .RequireAuthorization(Policies.CatalogAdministrator)
            .WithSummary("Where a lower level's implementation differs from the basic item at the higher level");
    }
}
