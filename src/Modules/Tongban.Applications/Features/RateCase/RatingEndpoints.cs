using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Tongban.Applications.Features.HandleCase;
using Tongban.Applications.Features.RectifyRating;

namespace Tongban.Applications.Features.RateCase;

internal static class RatingEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var mine = api.MapGroup("/my/cases/{number}/rating").RequireAuthorization();
        mine.MapGet("/", async Task<Results<Ok<RatingView>, NotFound>> (string number, RateCase handler, RectifyRating.RectifyRating staff, ClaimsPrincipal u, CancellationToken ct) =>
                await handler.FindAsync(number, u, ct) is { } r ? TypedResults.Ok(RatingView.Of(r, staff.Today)) : TypedResults.NotFound())
            .WithSummary("My rating of my case, with its rectification (404 while not rated)");
        mine.MapPost("/", async (string number, RatingInput input, RateCase handler, RectifyRating.RectifyRating staff, ClaimsPrincipal u, CancellationToken ct) =>
            {
                var rating = await handler.RateAsync(number, input, u, ct);
                return TypedResults.Created($"/api/applications/my/cases/{number}/rating", RatingView.Of(rating, staff.Today));
            })
            .WithSummary("Rate my concluded case once (好差评): level, indicators, comment; a bad rating opens a rectification");
        mine.MapPost("/appeal", async (string number, AppealInput input, RateCase handler, RectifyRating.RectifyRating staff, ClaimsPrincipal u, CancellationToken ct) =>
                TypedResults.Ok(RatingView.Of(await handler.AppealAsync(number, input.Reason ?? "", u, ct), staff.Today)))
            .WithSummary("Appeal the reported rectification once (申诉), with a reason");

        var ratings = api.MapGroup("/ratings").RequireAuthorization(p => p.RequireRole(CaseEndpoints.CaseRoles));
        ratings.MapGet("/", async (bool? rectifications, RectifyRating.RectifyRating handler, ClaimsPrincipal u, CancellationToken ct) =>
                TypedResults.Ok((await handler.ListAsync(rectifications ?? false, u, ct)).Select(r => RatingView.Of(r, handler.Today)).ToList()))
            .WithSummary("Ratings in my scope, open rectifications first (most urgent on top); ?rectifications=true for those still to act on");
        ratings.MapGet("/{id:guid}", async (Guid id, RectifyRating.RectifyRating handler, ClaimsPrincipal u, CancellationToken ct) =>
                TypedResults.Ok(RatingView.Of(await handler.FindAsync(id, u, tracking: false, ct), handler.Today)))
            .WithSummary("A rating in my scope");
        ratings.MapPost("/{id:guid}/{action}", async (Guid id, string action, RectifyInput? input, RectifyRating.RectifyRating handler, ClaimsPrincipal u, CancellationToken ct) =>
                TypedResults.Ok(RatingView.Of(await handler.ActAsync(id, action, input ?? new(), u, ct), handler.Today)))
            .WithSummary("Rectification steps: call-back (outcome), report (report), decide-appeal (upheld, opinion; efficiency supervisor)");
    }
}
