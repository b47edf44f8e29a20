using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Tongban.Kernel.Security;
using Tongban.Sharing.Domain;
using Tongban.Sharing.Features.LookUpGrants;
using Tongban.Sharing.Features.ManageResources;

namespace Tongban.Sharing.Features.ManageGrants;

internal sealed record GrantRow(GrantView Grant, GrantState State);

internal static class GrantEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var grants = api.MapGroup("/grants").RequireAuthorization(Policies.DataAdministrator);
        grants.MapGet("/", async (GrantState? state, ManageGrants m, ClaimsPrincipal u, CancellationToken ct) =>
                TypedResults.Ok((await m.ListAsync(state, SharingActor.Of(u), ct)).Select(g => new GrantRow(g.Grant, g.State)).ToList()))
            .WithSummary("Grants with their state today: Active, NotYetValid, Expired, Revoked");
        grants.MapPost("/{id:guid}/revoke", async (Guid id, ReasonInput input, ManageGrants m, ClaimsPrincipal u, CancellationToken ct) =>
            {
                var grant = await m.RevokeAsync(id, input.Reason ?? "", SharingActor.Of(u), ct);
                return TypedResults.Ok(new GrantRow(GrantView.From(grant), GrantState.Revoked));
            })
            .WithSummary("Revoke a grant with a reason; the exchange refuses it at once on this instance, within a minute on the others");
    }
}
