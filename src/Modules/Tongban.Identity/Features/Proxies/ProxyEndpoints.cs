using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Tongban.Identity.Features.Proxies;

internal sealed record ProxyGrantRequest(string AgentIdNumber, string AgentName, IReadOnlyList<string> ItemCodes, DateOnly ValidUntil);

internal sealed record ProxyGranted(Guid Id, IReadOnlyList<string> ItemCodes, DateOnly ValidUntil);

/// <summary>The app's way to 代办授权: list what I gave and received, grant, revoke. The agent's ID number travels in the body only.</summary>
internal static class ProxyEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var proxies = api.MapGroup("/proxies").RequireAuthorization();
        proxies.MapGet("/", ListAsync).WithSummary("Authorisations I gave (in force, expired, revoked) and those given to me");
        proxies.MapPost("/", GrantAsync).DisableAntiforgery().WithSummary("Authorise an agent (ID number and name) for named items until a date");
        proxies.MapPost("/{id:guid}/revoke", RevokeAsync).DisableAntiforgery().WithSummary("Revoke an authorisation I gave");
    }

    private static async Task<Results<Ok<MyProxies>, ForbidHttpResult>> ListAsync(ClaimsPrincipal user, ProxyAuthorisations proxies, CancellationToken ct) =>
        user.AccountId() is { } id ? TypedResults.Ok(await proxies.OfAsync(id, ct)) : TypedResults.Forbid();

    private static async Task<Results<Created<ProxyGranted>, ForbidHttpResult>> GrantAsync(ProxyGrantRequest input, ClaimsPrincipal user, ProxyAuthorisations proxies, CancellationToken ct)
    {
        if (user.AccountId() is not { } id) return TypedResults.Forbid();
        var granted = await proxies.GrantAsync(id, new ProxyGrant(input.AgentIdNumber, input.AgentName, input.ItemCodes ?? [], input.ValidUntil), ct);
        return TypedResults.Created("/api/identity/proxies", new ProxyGranted(granted.Id, granted.ItemCodes, granted.ValidUntil));
    }

    private static async Task<Results<NoContent, ForbidHttpResult>> RevokeAsync(Guid id, ClaimsPrincipal user, ProxyAuthorisations proxies, CancellationToken ct)
    {
        if (user.AccountId() is not { } account) return TypedResults.Forbid();
        await proxies.RevokeAsync(account, id, ct);
        return TypedResults.NoContent();
    }
}
