using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Tongban.Kernel.Security;

namespace Tongban.Exchange.Features.QueryRecords;

internal static class QueryEndpoints
{
    /// <summary>The header naming the end user (a staff or applicant account, never an ID number) the system acts for.</summary>
    public const string OnBehalfOfHeader = "X-On-Behalf-Of";

    public static void Map(RouteGroupBuilder api)
    {
        // POST, so the subject's ID number travels in the body and never in a URL or an access log line.
        api.MapPost("/{resource}/query", QueryAsync)
            .RequireAuthorization(Policies.ExchangeClient)
            .DisableAntiforgery()
            .WithSummary("Look up one subject in a published resource: the granted fields only; every call is logged (caller, on whose behalf, purpose, hashed subject, count)");
    }

    private static async Task<IResult> QueryAsync(string resource, QueryInput input, [FromHeader(Name = OnBehalfOfHeader)] string? onBehalfOf,
        ClaimsPrincipal user, QueryRecords query, CancellationToken ct)
    {
        var caller = new Caller(user.FindFirstValue(ClientClaims.ClientId)!, user.FindFirstValue(ClientClaims.Department)!, string.IsNullOrWhiteSpace(onBehalfOf) ? null : onBehalfOf.Trim());
        return TypedResults.Ok(await query.RunAsync(resource, input, caller, ct));
    }
}
