using Microsoft.Extensions.DependencyInjection;

namespace Tongban.Testing;

/// <summary>
/// One running app per database lane, started on first use: an assembly fixture shared by the classes of a test
/// assembly (`SharedApps.cs`), each test using its own codes and names so that they do not collide; a derived type
/// is a class fixture for apps with other services or apart from the rest (<see cref="ClassLaneApps"/>).
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

/// <summary>
/// A class's own apps, apart from the assembly's shared <see cref="LaneApps"/>: for tests that count what the whole demo
/// region holds (search hits, catalog size) and so must not see what other classes write at the same time.
/// </summary>
public sealed class ClassLaneApps : LaneApps;
