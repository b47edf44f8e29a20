using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Tongban.Applications.Domain;

namespace Tongban.Applications.Features.HomeVisits;

/// <summary>A request as its requester, its resident and staff read it: states and reasons in words, times as instants.</summary>
internal sealed record HomeVisitView(Guid Id, string ItemCode, string ItemName, string Reason, string ReasonText, string Address, string Phone,
    string PreferredTimes, string? Note, string State, string StateText, string? AssignedTo, DateTimeOffset? VisitedAt, string? CaseNumber,
    string? DeclineReason, DateTimeOffset RequestedAt, DateTimeOffset? ClosedAt, bool ForSomeoneElse)
{
    public static HomeVisitView Of(HomeVisit v) => new(v.Id.Value, v.ItemCode, v.ItemName, v.Reason.ToString(), Read(HomeVisit.ReasonWords(v.Reason)),
        v.Address, v.Phone, v.PreferredTimes, v.Note, v.State.ToString(), Read(HomeVisit.StateWords(v.State)),
        v.AssignedTo, v.VisitedAt, v.CaseNumber, v.DeclineReason, v.RequestedAt, v.ClosedAt, v.RequestedBy != v.ResidentId);

    private static string Read((string Zh, string En) words) => Kernel.Localization.Text.T(words.Zh, words.En);
}

internal static class HomeVisitEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var mine = api.MapGroup("/home-visits/mine").RequireAuthorization();
        mine.MapGet("/", async (HomeVisits handler, ClaimsPrincipal u, CancellationToken ct) =>
                TypedResults.Ok((await handler.MineAsync(u, ct)).Select(HomeVisitView.Of).ToList()))
            .WithSummary("The home visits (上门服务) I asked for or am served by, newest first");
        mine.MapGet("/{id:guid}", async (Guid id, HomeVisits handler, ClaimsPrincipal u, CancellationToken ct) =>
                TypedResults.Ok(HomeVisitView.Of(await handler.MineAsync(id, u, ct))))
            .WithSummary("One of my home visit requests; anyone else's is not found");
        api.MapPost("/home-visits", async (HomeVisitInput input, HomeVisits handler, ClaimsPrincipal u, CancellationToken ct) =>
            {
                var visit = await handler.RequestAsync(input, u, ct);
                return TypedResults.Created($"/api/applications/home-visits/mine/{visit.Id.Value}", HomeVisitView.Of(visit));
            })
            .RequireAuthorization()
            .WithSummary("Ask for a home visit for an item: reason (Elderly: 60 or older by the ID number; Disabled), address, phone, preferred times; resident = someone who authorised me for the item");

        var staff = api.MapGroup("/home-visits").RequireAuthorization(StaffPolicies.WalkIn);
        staff.MapGet("/", async (HomeVisits handler, ClaimsPrincipal u, CancellationToken ct) =>
                TypedResults.Ok((await handler.InScopeAsync(u, ct)).Select(HomeVisitView.Of).ToList()))
            .WithSummary("Home visit requests in my scope (the item's department, or my station's): open first, oldest first; each read audited");
        staff.MapPost("/{id:guid}/assign", async (Guid id, AssignInput input, HomeVisits handler, ClaimsPrincipal u, CancellationToken ct) =>
                TypedResults.Ok(HomeVisitView.Of(await handler.AssignAsync(id, input, u, ct))))
            .WithSummary("Name who goes (again to change them, until the visit)");
        staff.MapPost("/{id:guid}/visit", async (Guid id, VisitInput input, HomeVisits handler, ClaimsPrincipal u, CancellationToken ct) =>
                TypedResults.Ok(HomeVisitView.Of(await handler.VisitAsync(id, input, u, ct))))
            .WithSummary("Record the visit; with the resident's case number it is a trip on that case at the resident's address, and the request closes with the case");
        staff.MapPost("/{id:guid}/decline", async (Guid id, DeclineInput input, HomeVisits handler, ClaimsPrincipal u, CancellationToken ct) =>
                TypedResults.Ok(HomeVisitView.Of(await handler.DeclineAsync(id, input, u, ct))))
            .WithSummary("Decline with the reason");
    }
}
