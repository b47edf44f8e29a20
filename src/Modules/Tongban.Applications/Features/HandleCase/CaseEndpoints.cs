using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Tongban.Applications.Features.ApplyAsAgent;
using Tongban.Applications.Features.ApplyBundle;
using Tongban.Applications.Features.RegisterWalkIn;
using Tongban.Applications.Features.ViewCase;
using Tongban.Applications.Features.Workbench;
using Tongban.Kernel.Security;

namespace Tongban.Applications.Features.HandleCase;

internal static class CaseEndpoints
{
    /// <summary>Roles that work cases; each action then checks the role its step needs.</summary>
    public static readonly string[] CaseRoles = StaffPolicies.CaseRoles;

    public static void Map(RouteGroupBuilder api)
    {
        var cases = api.MapGroup("/cases").RequireAuthorization(p => p.RequireRole(CaseRoles));
        cases.MapGet("/", async ([AsParameters] WorkbenchFilter filter, WorkbenchQuery query, ClaimsPrincipal u, CancellationToken ct) =>
            {
                filter.Applicant = null; // an ID number never travels in a URL: POST /cases/search
                return TypedResults.Ok(await query.ListAsync(filter, u, ct));
            })
            .WithSummary("The workbench: cases in my scope and my roles' queues, by case number, item, status, due range; keyset pages of 50 (after = next)");
        cases.MapPost("/search", async (WorkbenchFilter filter, WorkbenchQuery query, ClaimsPrincipal u, CancellationToken ct) =>
                TypedResults.Ok(await query.ListAsync(filter, u, ct)))
            .WithSummary("The workbench search with the applicant's ID number in the body (the read is audited)");
        cases.MapGet("/{number}", async (string number, CaseReader reader, ClaimsPrincipal u, CancellationToken ct) =>
            {
                var @case = await reader.InScopeAsync(number, CaseReader.OversightScope(u), tracking: false, ct);
                return TypedResults.Ok(await reader.ViewAsync(@case, ct));
            })
            .WithSummary("A case in my scope (an efficiency supervisor's: every department's), with its history");
        cases.MapPost("/{number}/{action}", async (string number, string action, CaseActionInput? input, HandleCase handler, CaseReader reader, ClaimsPrincipal u, CancellationToken ct) =>
            {
                var @case = await handler.ActAsync(number, action, input ?? new(), u, ct);
                return TypedResults.Ok(await reader.ViewAsync(@case, ct));
            })
            .WithSummary("A handling step: accept, accept-deferred, refuse, request-correction, complete-step, stop-clock, restart-clock, decide, conclude, record-trip");

        api.MapPost("/walk-ins", async Task<Results<Created<CaseView>, Ok<CaseView>>> (WalkInInput input, RegisterWalkIn.RegisterWalkIn handler, CaseReader reader, ClaimsPrincipal u, CancellationToken ct) =>
                await Answer(await handler.SubmitAsync(input, bundle: false, u, ct), reader, ct))
            .RequireAuthorization(StaffPolicies.WalkIn)
            .WithSummary("A window clerk, or a station agent at their station, registers a walk-in application for an applicant identified by ID number");
        api.MapPost("/bundle-walk-ins", async Task<Results<Created<BundleCasesView>, Ok<BundleCasesView>>> (WalkInInput input, RegisterWalkIn.RegisterWalkIn handler, CaseReader reader, ClaimsPrincipal u, CancellationToken ct) =>
                await AnswerBundle(await handler.SubmitAsync(input, bundle: true, u, ct), reader, ct))
            .RequireAuthorization(StaffPolicies.WalkIn)
            .WithSummary("A walk-in application for a bundle (一件事, bundleCode): one case per item, all or none, a visit on each");
        api.MapPost("/agent-applications", async Task<Results<Created<CaseView>, Ok<CaseView>>> (AgentInput input, ApplyAsAgent.ApplyAsAgent handler, CaseReader reader, ClaimsPrincipal u, CancellationToken ct) =>
                await Answer(await handler.SubmitAsync(input, bundle: false, u, ct), reader, ct))
            .RequireAuthorization()
            .WithSummary("An agent applies for a principal who authorised them for the item (代办)");
        api.MapPost("/bundle-agent-applications", async Task<Results<Created<BundleCasesView>, Ok<BundleCasesView>>> (AgentInput input, ApplyAsAgent.ApplyAsAgent handler, CaseReader reader, ClaimsPrincipal u, CancellationToken ct) =>
                await AnswerBundle(await handler.SubmitAsync(input, bundle: true, u, ct), reader, ct))
            .RequireAuthorization()
            .WithSummary("An agent applies for a bundle (一件事, bundleCode) for a principal who authorised them for every item: one case per item, all or none");
    }

    private static async Task<Results<Created<CaseView>, Ok<CaseView>>> Answer((IReadOnlyList<Domain.Case> Cases, bool Created) result, CaseReader reader, CancellationToken ct)
    {
        var view = await reader.ViewAsync(result.Cases[0], ct);
        return result.Created ? TypedResults.Created($"/api/applications/cases/{view.Number}", view) : TypedResults.Ok(view);
    }

    private static async Task<Results<Created<BundleCasesView>, Ok<BundleCasesView>>> AnswerBundle((IReadOnlyList<Domain.Case> Cases, bool Created) result, CaseReader reader, CancellationToken ct)
    {
        var view = await BundleEndpoints.ViewAsync(result.Cases[0].Bundle!, result.Cases, reader, ct);
        return result.Created ? TypedResults.Created($"/api/applications/cases/{view.Cases[0].Number}", view) : TypedResults.Ok(view);
    }
}
