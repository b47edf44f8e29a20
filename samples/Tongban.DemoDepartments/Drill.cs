namespace Tongban.DemoDepartments;

/// <summary>
/// Makes the demo system slow on demand, for a drill of the nodes' time-outs (and the multi-process test):
/// <c>POST /drill/delay?ms=3000</c> delays every answer of the system until <c>ms=0</c>. A sample's switch, listening
/// only where the demo system listens (loopback in the examples).
/// </summary>
internal static class Drill
{
    private static int _delayMs;

    public static void Map(WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            var delay = Volatile.Read(ref _delayMs);
            if (delay > 0 && !context.Request.Path.StartsWithSegments("/drill") && !context.Request.Path.StartsWithSegments("/health"))
                await Task.Delay(delay, context.RequestAborted);
            await next(context);
        });
        app.MapPost("/drill/delay", (int ms) =>
        {
            Volatile.Write(ref _delayMs, Math.Clamp(ms, 0, 60_000));
            return Results.Ok(new { delayMs = Volatile.Read(ref _delayMs) });
        });
    }
}
