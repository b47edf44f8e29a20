using Microsoft.Extensions.DependencyInjection;

namespace Tongban.Testing;

/// <summary>
/// A class fixture holding one running app per database lane, started on first use and shared by the tests
/// of a class (each test uses its own codes and names, so they do not collide).
/// </summary>
public class LaneApps : IAsyncDisposable
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

    /// <summary>Where a derived fixture puts test doubles in place of services (e.g. another module's contract not under test).</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    /// <summary>
    /// True where <see cref="ConfigureServices"/> changes what the first start writes (keys of another algorithm,
    /// another demo region): the fixture then starts on an empty database instead of the prepared demo region.
    /// </summary>
    protected virtual bool SeedsDifferently => false;

    private async Task<TongbanApp> StartAsync(DatabaseLane lane)
    {
        var database = SeedsDifferently ? await TestDatabase.CreateAsync(lane) : await TestDatabase.CreateWithDemoRegionAsync(lane);
        var app = new TongbanApp(database, services: ConfigureServices);
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
        GC.SuppressFinalize(this);
    }
}
