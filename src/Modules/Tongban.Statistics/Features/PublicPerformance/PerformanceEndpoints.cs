using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Tongban.Kernel.Security;
using Tongban.Statistics.Domain;

namespace Tongban.Statistics.Features.PublicPerformance;

/// <summary>One department's published figures as open data: the counts and the three rates (null where nothing was counted).</summary>
internal sealed record PublicRowAnswer(string Department, string NameZh, string NameEn, long Concluded, long ConcludedWithDue, long ConcludedOnTime,
    decimal? OnTimeRate, long Rated, long RatedBad, decimal? GoodRate, long Items, long OnlineItems, decimal? OnlineRate)
{
    public static PublicRowAnswer Of(PublicDepartmentRow r) => new(r.DepartmentCode, r.NameZh, r.NameEn, r.Concluded, r.ConcludedWithDue, r.ConcludedOnTime,
        PublicMonth.OnTimeRate(r), r.Rated, r.RatedBad, PublicMonth.GoodRate(r), r.Items, r.OnlineItems, PublicMonth.OnlineRate(r));
}

internal sealed record PublicMonthAnswer(string Month, DateTimeOffset? PublishedAt, IReadOnlyList<string> Months, IReadOnlyList<PublicRowAnswer> Departments, PublicRowAnswer Total);

internal static class PerformanceEndpoints
{
    /// <summary>Who publishes the public figures: the efficiency supervisor (效能督查), who answers for them.</summary>
    public const string PublisherPolicy = "statistics.publisher";

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/public/performance", async Task<Results<Ok<PublicMonthAnswer>, NoContent>> (string? month, PublicPerformance performance, CancellationToken ct) =>
            {
                var published = await performance.PublishedAsync(month, ct);
                return published is null ? TypedResults.NoContent() : TypedResults.Ok(await AnswerAsync(published, performance, ct));
            })
            .WithTags("Statistics")
            .WithSummary("The public performance figures (政务服务效能公示) of a published month (the newest without ?month=yyyy-MM): per department, on-time rate, good ratings, online-handling rate; 204 before anything is published");
        endpoints.MapPost("/api/statistics/performance/{month}", async Task<Ok<PublicMonthAnswer>> (string month, PublicPerformance performance, ClaimsPrincipal user, CancellationToken ct) =>
                TypedResults.Ok(await AnswerAsync(await performance.PublishAsync(month, Actor.Of(user), ct), performance, ct)))
            .RequireAuthorization(PublisherPolicy)
            .WithTags("Statistics")
            .WithSummary("Publish (or publish again) an ended month's public performance figures");
    }

    private static async Task<PublicMonthAnswer> AnswerAsync(PublicMonth month, PublicPerformance performance, CancellationToken ct) =>
        new(month.Month, month.PublishedAt, await performance.MonthsAsync(ct), [.. month.Rows.Select(PublicRowAnswer.Of)], PublicRowAnswer.Of(month.Total));
}
