using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Tongban.Registries.Contracts;

namespace Tongban.Sharing.Tests;

/// <summary>
/// One running app per database lane, shared by the tests of a class, like <see cref="LaneApps"/>; it also
/// supplies the registries' field catalogue (<see cref="RegistryCatalogue"/>) where the host has none yet.
/// </summary>
public sealed class SharingApps : IAsyncDisposable
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

    /// <summary>An app of its own, e.g. on a fake clock; the caller disposes it and its database.</summary>
    public static async Task<TongbanApp> StartAsync(DatabaseLane lane, Action<IServiceCollection>? services = null)
    {
        var app = new TongbanApp(await TestDatabase.CreateAsync(lane), services: s =>
        {
            s.TryAddSingleton<IRegistryRecords, RegistryCatalogue>();
            services?.Invoke(s);
        });
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
