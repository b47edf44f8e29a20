using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Tongban.Applications.Data;
using Tongban.Applications.Features.ApplyOnline;
using Tongban.Applications.Features.ViewCase;

namespace Tongban.Applications.Features.TrackMyCases;

internal sealed record MyCaseRow(string Number, string ItemName, string Status, DateTimeOffset SubmittedAt, DateOnly? DueOn, bool ActionExpected);

internal static class MyCaseEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var mine = api.MapGroup("/my/cases").RequireAuthorization();
        mine.MapGet("/", async (ApplicationsDbContext db, ClaimsPrincipal u, CancellationToken ct) =>
            {
                var applicant = Applicants.IdOf(u);
                var cases = await db.Cases.AsNoTracking().Where(c => c.ApplicantId == applicant).OrderByDescending(c => c.SubmittedAt).Take(200).ToListAsync(ct);
                return TypedResults.Ok(cases.Select(c => new MyCaseRow(c.Number, c.ItemName, c.Status.ToString(), c.SubmittedAt, c.DueOn,
                    c.Status == Domain.CaseStatus.AwaitingCorrection || c.OutstandingDeferred.Any())).ToList());
            })
            .WithSummary("My cases, newest first, and whether each expects something from me");
        mine.MapGet("/{number}", async (string number, CaseReader reader, ClaimsPrincipal u, CancellationToken ct) =>
            {
                var @case = await reader.ForApplicantAsync(number, u, tracking: false, ct);
                return TypedResults.Ok(CaseView.Of(@case, await reader.DeadlineAsync(@case, ct), reader.Today));
            })
            .WithSummary("One of my cases: status, timeline, time limit, what is expected from me (another person's case is 404)");
        mine.MapPost("/{number}/resubmit", async (string number, ApplicationInput input, RespondToCase handler, CaseReader reader, ClaimsPrincipal u, CancellationToken ct) =>
            {
                var @case = await handler.ResubmitAsync(number, input, u, ct);
                return TypedResults.Ok(CaseView.Of(@case, await reader.DeadlineAsync(@case, ct), reader.Today));
            })
            .WithSummary("Resubmit after a correction notice: the corrected fields (the materials named in it uploaded or chosen first, at /my/cases/{number}/materials/{key})");
    }
}
