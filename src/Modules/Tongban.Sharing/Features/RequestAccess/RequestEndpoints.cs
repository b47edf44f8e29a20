using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Tongban.Kernel.Security;
using Tongban.Sharing.Data;
using Tongban.Sharing.Domain;
using Tongban.Sharing.Features.ManageResources;

namespace Tongban.Sharing.Features.RequestAccess;

internal sealed record RequestView(Guid Id, string ConsumerCreditCode, string ResourceCode, string ProviderCreditCode, string Purpose, IReadOnlyList<string> Fields,
    DateOnly ValidFrom, DateOnly ValidUntil, RequestStatus Status, string RequestedBy, DateTimeOffset RequestedAt, string? DecidedBy, string? DeclineReason, Guid? GrantId)
{
    public static RequestView Of(AccessRequest r) => new(r.Id.Value, r.ConsumerCreditCode, r.ResourceCode, r.ProviderCreditCode, r.Purpose, r.Fields,
        r.ValidFrom, r.ValidUntil, r.Status, r.RequestedBy, r.RequestedAt, r.DecidedBy, r.DeclineReason, r.GrantId?.Value);
}

internal static class RequestEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var requests = api.MapGroup("/requests").RequireAuthorization(Policies.DataAdministrator);
        requests.MapGet("/", async (RequestStatus? status, SharingDbContext db, ClaimsPrincipal u, CancellationToken ct) =>
            {
                var query = RequestAccess.Visible(db.Requests.AsNoTracking(), SharingActor.Of(u));
                if (status is { } s) query = query.Where(r => r.Status == s);
                return TypedResults.Ok((await query.OrderByDescending(r => r.RequestedAt).Take(500).ToListAsync(ct)).Select(RequestView.Of).ToList());
            })
            .WithSummary("Access requests, newest first, by status: a department's administrator sees those it made and those to its resources");
        requests.MapPost("/", async (RequestForm input, RequestAccess handler, ClaimsPrincipal u, CancellationToken ct) =>
            {
                var request = await handler.CreateAsync(input, SharingActor.Of(u), ct);
                return TypedResults.Created($"/api/sharing/requests/{request.Id.Value}", RequestView.Of(request));
            })
            .WithSummary("Request access to a published resource: purpose, items, period; unconditional resources are granted at once");
        requests.MapPost("/{id:guid}/approve", async (Guid id, RequestAccess handler, ClaimsPrincipal u, CancellationToken ct) =>
                TypedResults.Ok(RequestView.Of(await handler.ApproveAsync(id, SharingActor.Of(u), ct))))
            .WithSummary("The provider approves: a grant of the requested items for the purpose and period");
        requests.MapPost("/{id:guid}/decline", async (Guid id, ReasonInput input, RequestAccess handler, ClaimsPrincipal u, CancellationToken ct) =>
                TypedResults.Ok(RequestView.Of(await handler.DeclineAsync(id, input.Reason ?? "", SharingActor.Of(u), ct))))
            .WithSummary("The provider declines with a reason");
    }
}
