using Microsoft.Extensions.DependencyInjection;

namespace Tongban.Kernel.Seeding;

/// <summary>Runs every module's <see cref="IRegionPackImporter"/> in order.</summary>
public sealed class RegionSeeder(IServiceScopeFactory scopes)
{
    public async Task<IReadOnlyList<string>> SeedAsync(RegionPack pack, bool onlyWhenEmpty, CancellationToken cancellationToken)
    {
        var report = new List<string>();
        await using var scope = scopes.CreateAsyncScope();
        foreach (var importer in scope.ServiceProvider.GetServices<IRegionPackImporter>().OrderBy(i => i.Order))
        {
            if (onlyWhenEmpty && await importer.HasDataAsync(cancellationToken))
            {
                report.Add($"{importer.Name}: has data, left as it is");
                continue;
            }
            report.Add(await importer.ImportAsync(pack, cancellationToken));
        }
        return report;
    }
}
