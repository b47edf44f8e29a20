using Microsoft.EntityFrameworkCore;
using Tongban.Catalog.Data;
using Tongban.Catalog.Domain;
using Tongban.Kernel.Time;
using Tongban.Organization.Contracts;

namespace Tongban.Catalog.Features;

/// <summary>
/// Keeps <see cref="ItemListing"/> rows in step with their items, inside the caller's unit of work: call it
/// after changing items and before SaveChanges.
/// </summary>
internal sealed class ListingProjector(CatalogDbContext db, IOrganizationDirectory organization, RegionClock clock)
{
    private Dictionary<string, string>? _departmentNames;

    public async Task RefreshAsync(IReadOnlyCollection<ServiceItem> items, CancellationToken ct)
    {
        if (items.Count == 0) return;
        _departmentNames ??= (await organization.ListDepartmentsAsync(null, ct)).ToDictionary(d => d.CreditCode, d => d.Name);
        var ids = items.Select(i => i.Id).ToList();
        var existing = await db.Listings.Where(l => ids.Contains(l.ItemId)).ToDictionaryAsync(l => l.ItemId, ct);
        var today = clock.Today;
        foreach (var item in items)
        {
            var listing = ItemListing.Of(item, today, Department(item, today));
            existing.TryGetValue(item.Id, out var row);
            if (listing is null)
            {
                if (row is not null) db.Listings.Remove(row);
            }
            else if (row is null)
            {
                db.Listings.Add(listing);
            }
            else
            {
                db.Entry(row).CurrentValues.SetValues(listing);
            }
        }
    }

    private string Department(ServiceItem item, DateOnly today) =>
        item.EffectiveOn(today)?.Elements.DepartmentCreditCode is { } code && _departmentNames!.TryGetValue(code, out var name) ? name : "";
}
