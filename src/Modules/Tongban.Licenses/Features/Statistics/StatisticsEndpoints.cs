using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Tongban.Kernel.Security;

namespace Tongban.Licenses.Features.Statistics;

internal static class StatisticsEndpoints
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/admin/statistics", async (ClaimsPrincipal user, LicenseStatistics statistics, CancellationToken ct) =>
                TypedResults.Ok(await statistics.PerTypeAndAuthorityAsync(Officers.Of(user).Authority, ct)))
            .RequireAuthorization(Policies.LicenseAdministrator)
            .WithSummary("Per license type and issuing authority: issued, imported, rejected in import, verifications, other uses (an authority's administrator: their own)");
}
