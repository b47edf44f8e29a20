using Microsoft.EntityFrameworkCore;
using Tongban.Catalog.Contracts;
using Tongban.Catalog.Data;
using Tongban.Catalog.Domain;
using Tongban.Kernel.Forms;
using Tongban.Kernel.Time;

namespace Tongban.Catalog.Features.FindApplicableItem;

/// <summary>The item as an application takes it: the version in effect today of an item that accepts applications.</summary>
internal sealed class ServiceItems(CatalogDbContext db, RegionClock clock) : IServiceItems, IServiceItemSearch
{
    public async Task<IReadOnlyList<ApplicableItem>> SearchApplicableAsync(string text, int limit, CancellationToken cancellationToken)
    {
        var words = (text ?? "").Trim();
        if (words.Length == 0 || limit < 1) return [];
        var code = words.ToUpperInvariant();
        // The listing (one row an item, its name and state) finds them; the items give the version in effect.
        var ids = await db.Listings.AsNoTracking()
            .Where(l => l.Status == ItemStatus.Published && (l.Name.Contains(words) || l.ImplementationCode.StartsWith(code)))
            .OrderBy(l => l.Name).Select(l => l.ItemId).Take(limit * 2).ToListAsync(cancellationToken);
        var items = await db.Items.AsNoTracking().Include(i => i.Versions).Where(i => ids.Contains(i.Id)).ToListAsync(cancellationToken);
        return [.. items.Select(Applicable).OfType<ApplicableItem>().OrderBy(i => i.Name, StringComparer.Ordinal).ThenBy(i => i.ImplementationCode, StringComparer.Ordinal).Take(limit)];
    }

    public async Task<ApplicableItem?> FindApplicableAsync(string implementationCode, CancellationToken cancellationToken)
    {
        var code = implementationCode?.Trim() ?? "";
        var item = await db.Items.AsNoTracking().Include(i => i.Versions).SingleOrDefaultAsync(i => i.ImplementationCode == code, cancellationToken);
        return item is null ? null : Applicable(item);
    }

    public async Task<IReadOnlyList<ApplicableItem>> FindApplicableAsync(IReadOnlyCollection<string> implementationCodes, CancellationToken cancellationToken)
    {
        var codes = implementationCodes.Select(c => c.Trim()).Distinct(StringComparer.Ordinal).ToList();
        var items = await db.Items.AsNoTracking().Include(i => i.Versions).Where(i => codes.Contains(i.ImplementationCode)).ToListAsync(cancellationToken);
        return [.. items.Select(Applicable).OfType<ApplicableItem>()];
    }

    /// <summary>
    /// Each basic code's item as the life-event page chooses it; a basic code without a published item in effect is
    /// named in <see cref="ApplicableBundle.Unavailable"/> with the status of its listing (or "not in the catalog").
    /// </summary>
    public async Task<ApplicableBundle?> FindBundleAsync(string code, CancellationToken cancellationToken)
    {
        var bundle = await db.Bundles.AsNoTracking().SingleOrDefaultAsync(b => b.Code == code, cancellationToken);
        if (bundle is null) return null;
        var listings = await db.Listings.AsNoTracking().Where(l => bundle.BasicCodes.Contains(l.BasicCode)).ToListAsync(cancellationToken);
        var chosen = ItemListing.ChooseForBundle(listings, bundle.BasicCodes).Select(l => l.ItemId).ToList();
        var items = await db.Items.AsNoTracking().Include(i => i.Versions).Where(i => chosen.Contains(i.Id)).ToListAsync(cancellationToken);
        var applicable = items.Select(i => (i.BasicCode, Item: Applicable(i))).Where(x => x.Item is not null).ToDictionary(x => x.BasicCode, x => x.Item!);
        if (applicable.Count < 2) return null;
        var unavailable = bundle.BasicCodes.Where(b => !applicable.ContainsKey(b)).Select(b => Unavailable(b, listings.FirstOrDefault(l => l.BasicCode == b))).ToList();
        return new ApplicableBundle(bundle.Code, bundle.Name, [.. bundle.BasicCodes.Where(applicable.ContainsKey).Select(b => applicable[b])], unavailable);
    }

    public async Task<FormDefinition?> FormOfAsync(string implementationCode, int version, CancellationToken cancellationToken)
    {
        var item = await db.Items.AsNoTracking().Include(i => i.Versions).SingleOrDefaultAsync(i => i.ImplementationCode == implementationCode, cancellationToken);
        return item?.Versions.FirstOrDefault(v => v.Number == version)?.Elements.Form;
    }

    private static UnavailableItem Unavailable(string basicCode, ItemListing? listing) => listing switch
    {
        null => new(basicCode, basicCode, "目录中暂无该事项的实施清单", "The catalog has no implementation of this item"),
        { Status: ItemStatus.Published } => new(basicCode, listing.Name, "暂无生效版本", "No version is in effect"),
        _ => new(basicCode, listing.Name, $"暂停或已取消：{listing.StatusReason}", $"Suspended or abolished: {listing.StatusReason}"),
    };

    private ApplicableItem? Applicable(ServiceItem item)
    {
        if (item is not { AcceptsApplications: true } || item.EffectiveOn(clock.Today) is not { } version) return null;
        var e = version.Elements;
        return new ApplicableItem(
            item.ImplementationCode, e.Name, version.Number, e.DepartmentCreditCode, e.DivisionCode, e.PromisedLimit ?? 0, e.StatutoryLimit,
            e.Trips ?? 0, e.RealNameLevel ?? 1, e.Subjects.HasFlag(Subjects.Person), e.Subjects.HasFlag(Subjects.LegalPerson),
            [.. e.Materials.Select((m, i) => new ApplicableMaterial(
                e.MaterialKey(i), m.Name, m.Requirement == Requirement.Required, m.Condition, m.Tolerable, m.RegistryFact, m.LicenseType))],
            [.. e.EffectiveProcess.Select(s => new ProcessStep(s.Key, s.NameZh, s.NameEn, s.Role))],
            e.Form) { CanApplyOnline = e.TakesOnlineApplications() };
    }
}
