using Microsoft.EntityFrameworkCore;
using Tongban.Catalog.Data;
using Tongban.Catalog.Domain;
using Tongban.Kernel.Security;
using Tongban.Kernel.Seeding;

namespace Tongban.Catalog.Features.ImportFeed;

/// <summary>
/// A region pack's catalog: synonyms.txt (one group a line, terms separated by |) and catalog.json, a provincial
/// feed loaded through the same code path as any other feed.
/// </summary>
internal sealed class CatalogPackImporter(CatalogDbContext db, ImportFeed feed) : IRegionPackImporter
{
    public int Order => 20;

    public string Name => "catalog";

    public Task<bool> HasDataAsync(CancellationToken cancellationToken) => db.Items.AnyAsync(cancellationToken);

    public async Task<string> ImportAsync(RegionPack pack, CancellationToken cancellationToken)
    {
        if (pack.Has("synonyms.txt") && !await db.Synonyms.AnyAsync(cancellationToken))
        {
            foreach (var line in await File.ReadAllLinesAsync(pack.PathOf("synonyms.txt"), cancellationToken))
                if (line.Length > 0 && line[0] != '#') db.Synonyms.Add(SynonymGroup.Create(line.Split('|')));
            await db.SaveChangesAsync(cancellationToken);
        }
        if (!pack.Has("catalog.json")) return "catalog: the pack has no catalog.json";
        var report = await feed.RunAsync(await File.ReadAllBytesAsync(pack.PathOf("catalog.json"), cancellationToken), "catalog.json", Actor.System, cancellationToken);
        return $"catalog: {report.Added} items added, {report.Bundles} bundles";
    }
}
