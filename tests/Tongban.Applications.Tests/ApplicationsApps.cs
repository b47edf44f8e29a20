using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Tongban.Catalog.Contracts;
using Tongban.Identity.Contracts;

namespace Tongban.Applications.Tests;

/// <summary>Like <see cref="LaneApps"/>, with the catalog and proxy authorisations replaced by test doubles.</summary>
public sealed class ApplicationsApps : IAsyncDisposable
{
    private readonly Dictionary<DatabaseLane, Task<TongbanApp>> _apps = [];
    private readonly Lock _gate = new();

    internal TestProxies Proxies { get; } = new();

    public Task<TongbanApp> For(DatabaseLane lane)
    {
        Lanes.Require(lane);
        lock (_gate)
        {
            if (!_apps.TryGetValue(lane, out var app)) _apps[lane] = app = StartAsync(lane);
            return app;
        }
    }

    private async Task<TongbanApp> StartAsync(DatabaseLane lane)
    {
        var app = new TongbanApp(await TestDatabase.CreateAsync(lane), services: s =>
        {
            s.RemoveAll<IServiceItems>();
            s.AddSingleton<IServiceItems, TestCatalog>();
            s.RemoveAll<IProxyAuthorisations>();
            s.AddSingleton<IProxyAuthorisations>(Proxies);
        });
        _ = app.Server;
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
