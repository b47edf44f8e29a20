using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Tongban.Halls.Features.HallStatus;

internal sealed record CategoryStatus(string Letter, string Name, string? NameEn, int Waiting);

/// <summary>A hall's live status for other systems and screens: instants stay ISO 8601 with the offset, as every API keeps them.</summary>
internal sealed record HallStatusAnswer(string Hall, IReadOnlyList<CategoryStatus> Categories, int OpenWindows, double? AverageWaitMinutes, int ServedToday, DateTimeOffset At);

internal static class StatusEndpoints
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/{hall}/status", async (string hall, HallPlaces halls, HallQueue queue, TimeProvider clock, CancellationToken ct) =>
            {
                var place = await halls.GetAsync(hall, ct);
                var now = await queue.NowAsync(place.Id, 0, ct);
                return TypedResults.Ok(new HallStatusAnswer(place.Hall.Slug, [.. now.Categories.Select(c => new CategoryStatus(c.Letter, c.Name, c.NameEn, c.Waiting))],
                    now.OpenWindows, now.AverageWaitMinutes is { } m ? Math.Round(m, 1) : null, now.ServedToday, clock.GetUtcNow()));
            })
            .WithSummary("A hall's queue now: people waiting per business category, open windows, average wait today (minutes from ticket to first call)");
}
