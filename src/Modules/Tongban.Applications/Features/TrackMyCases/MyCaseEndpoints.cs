using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Tongban.Applications.Features.ApplyOnline;
using Tongban.Applications.Features.ViewCase;

namespace Tongban.Applications.Features.TrackMyCases;

internal sealed record MyCaseRow(string Number, string ItemName, string Status, DateTimeOffset SubmittedAt, DateOnly? DueOn, bool ActionExpected);

internal sealed record WithdrawInput(string? Reason);

/// <summary>A page of my cases; <paramref name="Next"/> is the cursor of the next page, null on the last.</summary>
internal sealed record MyCaseRows(IReadOnlyList<MyCaseRow> Cases, string? Next);

internal static class MyCaseEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var mine = api.MapGroup("/my/cases").RequireAuthorization();
        mine.MapGet("/", async (string? after, MyCaseList list, ClaimsPrincipal u, CancellationToken ct) =>
            {
                var page = await list.PageAsync(after, u, ct);
                return TypedResults.Ok(new MyCaseRows([.. page.Cases.Select(c => new MyCaseRow(c.Number, c.ItemName, c.Status.ToString(), c.SubmittedAt, c.DueOn,
                    c.Status == Domain.CaseStatus.AwaitingCorrection || c.OutstandingDeferred.Any()))], page.Next));
            })
            .WithSummary("My cases, newest first, 50 a page, and whether each expects something from me; `next` is the `after` of the next page (null on the last)");
        mine.MapGet("/{number}", async (string number, CaseReader reader, ClaimsPrincipal u, CancellationToken ct) =>
            {
                var @case = await reader.ForApplicantAsync(number, u, tracking: false, ct);
                return TypedResults.Ok(await reader.ViewAsync(@case, ct));
            })
            .WithSummary("One of my cases: status, timeline, time limit, what is expected from me (another person's case is 404)");
        mine.MapPost("/{number}/resubmit", async (string number, ApplicationInput input, RespondToCase handler, CaseReader reader, ClaimsPrincipal u, CancellationToken ct) =>
            {
                var @case = await handler.ResubmitAsync(number, input, u, ct);
                return TypedResults.Ok(await reader.ViewAsync(@case, ct));
            })
            .WithSummary("Resubmit after a correction notice: the corrected fields (the materials named in it uploaded or chosen first, at /my/cases/{number}/materials/{key})");
        mine.MapPost("/{number}/withdraw", async (string number, WithdrawInput? input, RespondToCase handler, CaseReader reader, ClaimsPrincipal u, CancellationToken ct) =>
                TypedResults.Ok(await reader.ViewAsync(await handler.WithdrawAsync(number, input?.Reason, u, ct), ct)))
            .WithSummary("Withdraw my application before it is decided, with a reason (撤回): the case closes");
    }
}
