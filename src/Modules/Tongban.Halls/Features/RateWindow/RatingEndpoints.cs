using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Tongban.Halls.Features.RateWindow;

internal sealed record RatingAnswer(string Window, int Level, bool Bad);

internal static class RatingEndpoints
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/{hall}/windows/{window}/rating", async (string hall, string window, RatingInput input, RateTicket rate, HttpRequest request, CancellationToken ct) =>
            {
                var rating = await rate.RateAsync(hall, window, input, request.Cookies[TabletPairing.Cookie], ct);
                return TypedResults.Ok(new RatingAnswer(rating.Window, (int)rating.Level, rating.IsBad));
            })
            .WithSummary("评价器: rates the service a ticket got at the window (levels 1–5, indicators by key), once per ticket; only from the window's paired tablet (its cookie)");
}
