using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace Tongban.Halls.Features.Screen;

/// <summary>
/// The calling screen's server-sent events (ADR 0016): the screen's state as JSON whenever it changed. A change on any
/// instance wakes the stream at once (<see cref="HallSignals"/>); were its notice lost, it is seen at the next
/// poll (<c>Halls:ScreenPoll</c>). A comment line every poll keeps proxies from closing a quiet stream. The state is
/// read once per change for all the hall's streams (<see cref="ScreenFeed"/>).
/// </summary>
internal static class ScreenEvents
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/halls/{hall}/screen/events", StreamAsync).ExcludeFromDescription();

    private static async Task StreamAsync(string hall, HttpContext http, HallPlaces halls, ScreenFeed feed, IOptions<HallsOptions> options)
    {
        var place = await halls.GetAsync(hall, http.RequestAborted);
        http.Response.Headers.ContentType = "text/event-stream";
        http.Response.Headers.CacheControl = "no-cache, no-store";
        http.Response.Headers["X-Accel-Buffering"] = "no"; // nginx: pass events through as they come
        var ct = http.RequestAborted;
        string? sent = null;
        try
        {
            while (!ct.IsCancellationRequested)
            {
                var (state, change) = await feed.LatestAsync(place.Id, ct);
                await http.Response.WriteAsync(state == sent ? ": quiet\n\n" : $"event: state\ndata: {state}\n\n", ct);
                await http.Response.Body.FlushAsync(ct);
                sent = state;
                await Task.WhenAny(change, Task.Delay(options.Value.ScreenPoll, ct));
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // the screen went away
        }
    }
}
