using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Tongban.Applications.Contracts;
using Tongban.Halls.Domain;
using Tongban.Kernel.Localization;
using Tongban.Kernel.Ratings;
using Tongban.Kernel.Security;

namespace Tongban.Halls.Features.FreeAgency;

/// <summary>A case the agent started under the request, as the API shows it: the state in words.</summary>
internal sealed record AgencyCaseView(string Number, string ItemName, string StatusText, DateTimeOffset SubmittedAt)
{
    public static AgencyCaseView Of(AgentCaseInfo c) => new(c.Number, c.ItemName, Text.T(c.StatusZh, c.StatusEn), c.SubmittedAt);
}

/// <summary>A request as its enterprise and the hall's staff read it: states and ratings in words, times as instants.</summary>
internal sealed record AgencyView(Guid Id, string Hall, string HallName, string EnterpriseName, string ProjectName, string Description,
    IReadOnlyList<AgencyItem> Items, string Phone, string State, string StateText, string? AgentName, DateTimeOffset RequestedAt, DateTimeOffset? AssignedAt,
    DateTimeOffset? ClosedAt, int? Rating, string? RatingText, string? RatingComment, bool BadRating, IReadOnlyList<AgencyCaseView> Cases)
{
    public static AgencyView Of(AgencyEntry e)
    {
        var r = e.Request;
        var state = AgencyRequest.StateWords(r.State);
        var rating = r.Rating is { } level ? RatingScale.Words(level) : default;
        return new(r.Id.Value, e.Hall.Slug, Text.T(e.Hall.Name, e.Hall.NameEn ?? e.Hall.Name), r.EnterpriseName, r.ProjectName, r.Description, r.Items, r.Phone,
            r.State.ToString(), Text.T(state.Zh, state.En), r.AgentName, r.RequestedAt, r.AssignedAt, r.ClosedAt, (int?)r.Rating,
            r.Rating is null ? null : Text.T(rating.Zh, rating.En), r.RatingComment, r.IsBadlyRated, [.. e.Cases.Select(AgencyCaseView.Of)]);
    }
}

/// <summary>A member of the agency team as the hall's staff choose one.</summary>
internal sealed record AgencyTeamMember(Guid Id, string Name);

internal static class AgencyEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var mine = api.MapGroup("/agency/mine").RequireAuthorization();
        mine.MapGet("/", async (FreeAgency handler, ClaimsPrincipal u, CancellationToken ct) =>
                TypedResults.Ok((await handler.MineAsync(u, ct)).Select(AgencyView.Of).ToList()))
            .WithSummary("The free-agency (帮办代办) requests I made for my enterprises, newest first, with the cases the agent started under each");
        mine.MapGet("/{id:guid}", async (Guid id, FreeAgency handler, ClaimsPrincipal u, CancellationToken ct) =>
                TypedResults.Ok(AgencyView.Of(await handler.MineAsync(id, u, ct))))
            .WithSummary("One of my agency requests; anyone else's is not found");
        mine.MapPost("/{id:guid}/close", async (Guid id, FreeAgency handler, ClaimsPrincipal u, CancellationToken ct) =>
                TypedResults.Ok(AgencyView.Of(await handler.CloseMineAsync(id, u, ct))))
            .WithSummary("Close my request: the agent's authorisation ends");
        mine.MapPost("/{id:guid}/rating", async (Guid id, AgencyRatingInput input, FreeAgency handler, ClaimsPrincipal u, CancellationToken ct) =>
                TypedResults.Ok(AgencyView.Of(await handler.RateAsync(id, input, u, ct))))
            .WithSummary("Rate the agency once it is closed: level 1 (非常不满意) to 5 (非常满意), an optional comment; once");
        api.MapPost("/agency", async (AgencyInput input, FreeAgency handler, ClaimsPrincipal u, CancellationToken ct) =>
            {
                var request = await handler.AskAsync(input, u, ct);
                return TypedResults.Created($"/api/halls/agency/mine/{request.Id.Value}", AgencyView.Of(await handler.MineAsync(request.Id.Value, u, ct)));
            })
            .RequireAuthorization()
            .WithSummary("Ask a hall for free agency for an investment project: hall (slug), enterprise (credit code, when I act for several), project, description, items (implementation codes), phone");

        var staff = api.MapGroup("/agency").RequireAuthorization(Policies.WindowClerk);
        staff.MapGet("/", async (AgencyDesk handler, ClaimsPrincipal u, CancellationToken ct) =>
                TypedResults.Ok((await handler.QueueAsync(u, ct)).Select(AgencyView.Of).ToList()))
            .WithSummary("The agency requests of the halls where I am window staff: open first, oldest first; each read audited");
        staff.MapGet("/{id:guid}/team", async (Guid id, AgencyDesk handler, ClaimsPrincipal u, CancellationToken ct) =>
                TypedResults.Ok((await handler.TeamForAsync(id, u, ct)).Select(m => new AgencyTeamMember(m.Id, m.Name)).ToList()))
            .WithSummary("The agency team a request's agent is chosen from (agency agents whose divisions reach the hall)");
        staff.MapPost("/{id:guid}/assign", async (Guid id, AgencyAssignInput input, AgencyDesk handler, ClaimsPrincipal u, CancellationToken ct) =>
                TypedResults.Ok(AgencyView.Of(await handler.AssignAsync(id, input, u, ct))))
            .WithSummary("Assign an agent of the team: grants them a proxy authorisation for the request's items in the requester's name, with the request as its basis");
        staff.MapPost("/{id:guid}/close", async (Guid id, AgencyDesk handler, ClaimsPrincipal u, CancellationToken ct) =>
                TypedResults.Ok(AgencyView.Of(await handler.CloseAsStaffAsync(id, u, ct))))
            .WithSummary("Close the request (the agency is done): the agent's authorisation ends");
    }
}
