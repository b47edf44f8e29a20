using Microsoft.EntityFrameworkCore;
using Tongban.Catalog.Data;
using Tongban.Catalog.Domain;
using Tongban.Kernel.Time;

namespace Tongban.Catalog.Features.ShowLifeEvent;

/// <summary>A material of a life event, asked once; <see cref="Tolerable"/> (容缺) when every item needing it may take it after acceptance.</summary>
internal sealed record MergedMaterial(string Name, bool Required, bool CanBeReused, IReadOnlyList<string> NeededBy, bool Tolerable = false);

internal sealed record LifeEvent(string Code, string Name, string? Summary, Subjects Subjects, IReadOnlyList<ItemListing> Items, IReadOnlyList<MergedMaterial> Materials, int CombinedPromisedLimit, int CombinedStatutoryLimit,
    IReadOnlyList<ItemListing> NotOnline)
{
    /// <summary>Whether the bundle can be applied for online as one application: two items or more, each taking online applications.</summary>
    public bool AppliesOnline => Items.Count >= 2 && NotOnline.Count == 0;
}

/// <summary>
/// A life event's merged guide: each material asked once however many items need it, and the combined time
/// limit — the items handled one after another, the longest case.
/// </summary>
internal sealed class LifeEventQueries(CatalogDbContext db, RegionClock clock)
{
    public async Task<IReadOnlyList<Bundle>> ListAsync(CancellationToken ct) => await db.Bundles.AsNoTracking().OrderBy(b => b.Code).ToListAsync(ct);

    public async Task<LifeEvent?> GetAsync(string code, CancellationToken ct)
    {
        var bundle = await db.Bundles.AsNoTracking().SingleOrDefaultAsync(b => b.Code == code, ct);
        if (bundle is null) return null;
        var listings = await db.Listings.AsNoTracking()
            .Where(l => bundle.BasicCodes.Contains(l.BasicCode) && l.Status == ItemStatus.Published).ToListAsync(ct);
        var chosen = ItemListing.ChooseForBundle(listings, bundle.BasicCodes);
        var ids = chosen.Select(l => l.ItemId).ToList();
        var items = await db.Items.AsNoTracking().Include(i => i.Versions).Where(i => ids.Contains(i.Id)).ToDictionaryAsync(i => i.Id, ct);
        var materials = chosen
            .SelectMany(l => items[l.ItemId].EffectiveOn(clock.Today)!.Elements.Materials.Select(m => (Item: l.Name, Material: m)))
            .GroupBy(x => x.Material.Name.Trim())
            .Select(g => new MergedMaterial(g.Key, g.Any(x => x.Material.Requirement == Requirement.Required), g.All(x => x.Material.CanBeReused), [.. g.Select(x => x.Item).Distinct()],
                g.All(x => x.Material.Tolerable)))
            .ToList();
        return new LifeEvent(bundle.Code, bundle.Name, bundle.Summary, bundle.Subjects, chosen, materials,
            chosen.Sum(l => l.PromisedLimit), chosen.Sum(l => l.StatutoryLimit ?? l.PromisedLimit),
            [.. chosen.Where(l => !items[l.ItemId].EffectiveOn(clock.Today)!.Elements.TakesOnlineApplications())]);
    }
}
