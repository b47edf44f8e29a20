using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Tongban.Applications.Domain;
using Tongban.Applications.Features.HandleCase;
using Tongban.Kernel.Security;

namespace Tongban.Applications.Features.SuperviseCases;

internal sealed record OrderView(Guid Id, string CaseNumber, string ItemName, string Department, string Requirement, DateOnly AnswerBy,
    string IssuedBy, DateTimeOffset IssuedAt, string? Answer, string? AnsweredBy, DateTimeOffset? AnsweredAt, bool Overdue)
{
    public static OrderView Of(SupervisionOrder o, DateOnly today) => new(o.Id.Value, o.CaseNumber, o.ItemName, o.DepartmentCreditCode, o.Requirement,
        o.AnswerBy, o.IssuedBy, o.IssuedAt, o.Answer, o.AnsweredBy, o.AnsweredAt, o.OverdueOn(today));
}

internal static class SupervisionEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var supervision = api.MapGroup("/supervision");
        supervision.MapGet("/", async (string? department, SuperviseCases handler, ClaimsPrincipal u, CancellationToken ct) =>
                TypedResults.Ok(await handler.OverviewAsync(department, u, ct)))
            .RequireAuthorization(Policies.EfficiencySupervisor)
            .WithSummary("Overdue and near-due (yellow) cases: counts per department, then the list (?department= narrows it)");
        supervision.MapPost("/orders", async (IssueInput input, SuperviseCases handler, ClaimsPrincipal u, CancellationToken ct) =>
            {
                var order = await handler.IssueAsync(input, u, ct);
                return TypedResults.Created($"/api/applications/supervision/orders/{order.Id.Value}", OrderView.Of(order, handler.Today));
            })
            .RequireAuthorization(Policies.EfficiencySupervisor)
            .WithSummary("Issue a supervision order (督办) on a case: requirement and answer date");
        var orders = supervision.MapGroup("/orders").RequireAuthorization(p => p.RequireRole(CaseEndpoints.CaseRoles));
        orders.MapGet("/", async (string? caseNumber, SuperviseCases handler, ClaimsPrincipal u, CancellationToken ct) =>
                TypedResults.Ok((await handler.OrdersAsync(caseNumber, u, ct)).Select(o => OrderView.Of(o, handler.Today)).ToList()))
            .WithSummary("Supervision orders in my scope, unanswered first; overdue when unanswered past the answer date");
        orders.MapPost("/{id:guid}/answer", async (Guid id, AnswerInput input, SuperviseCases handler, ClaimsPrincipal u, CancellationToken ct) =>
                TypedResults.Ok(OrderView.Of(await handler.AnswerAsync(id, input.Answer ?? "", u, ct), handler.Today)))
            .WithSummary("The case's department answers a supervision order, once");
    }
}
