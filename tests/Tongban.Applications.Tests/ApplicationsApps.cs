using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Tongban.Catalog.Contracts;
using Tongban.Identity.Contracts;
using Tongban.Kernel.Files;
using Tongban.Kernel.Seeding;

namespace Tongban.Applications.Tests;

/// <summary>The lanes' apps with the catalog and proxy authorisations replaced by test doubles.</summary>
public class ApplicationsApps : LaneApps
{
    public const int MaxFileBytes = 64 * 1024;

    internal TestProxies Proxies { get; } = new();

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.RemoveAll<IServiceItems>();
        services.AddSingleton<IServiceItems, TestCatalog>();
        services.RemoveAll<IProxyAuthorisations>();
        services.AddSingleton<IProxyAuthorisations>(Proxies);
        services.Configure<FilesOptions>(o => o.MaxBytes = MaxFileBytes);
        // The demo's license types name items of the real catalog, which these apps replace: their pack is not loaded.
        foreach (var importer in services.Where(d => d.ServiceType == typeof(IRegionPackImporter) && d.ImplementationType?.Name == "LicenseTypePackImporter").ToList())
            services.Remove(importer);
    }
}

/// <summary>A class's own <see cref="ApplicationsApps"/>: for tests that count every file in the store (which other classes fill at the same time) or generate cases by the hundred (which every region-wide workbench would then show first).</summary>
public sealed class ClassApplicationsApps : ApplicationsApps;
