namespace Tongban.Testing;

/// <summary>
/// A class fixture holding one running app per database lane, started on first use and shared by the tests
/// of a class (each test uses its own codes and names, so they do not collide).
/// </summary>
public sealed class LaneApps : IAsyncDisposable
{
    private readonly Dictionary<DatabaseLane, Task<TongbanApp>> _apps = [];
    private readonly Lock _gate = new();

    public Task<TongbanApp> For(DatabaseLane lane)
    {
        Lanes.Require(lane);
        lock (_gate)
        {
            if (!_apps.TryGetValue(lane, out var app)) _apps[lane] = app = StartAsync(lane);
            return app;
        }
    }

    private static async Task<TongbanApp> StartAsync(DatabaseLane lane)
    {
        var app = new TongbanApp(await TestDatabase.CreateAsync(lane));
        _ = app.Server; // migrate and load the demo region now
        return app;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var pending in _apps.Values)
        {
            var app = await pending;
            await app.DisposeAsync();
            await app.Database.DisposeAsync();
        }
    }
}
