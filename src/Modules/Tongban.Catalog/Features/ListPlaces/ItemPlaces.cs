using Microsoft.EntityFrameworkCore;
using Tongban.Catalog.Contracts;
using Tongban.Catalog.Data;
using Tongban.Catalog.Domain;

namespace Tongban.Catalog.Features.ListPlaces;

/// <summary>
/// The places of the published items: the listing (one row an item, the version in effect) joined to that version's
/// elements, whose places say the hall or the station.
/// </summary>
internal sealed class ItemPlaces(CatalogDbContext db) : IItemPlaces
{
    public async Task<IReadOnlyList<PlacedItem>> ListPlacedAsync(CancellationToken cancellationToken)
    {
        var rows = await (from l in db.Listings.AsNoTracking()
                          where l.Status == ItemStatus.Published
                          join v in db.Versions.AsNoTracking() on new { l.ItemId, Number = l.VersionNumber } equals new { v.ItemId, v.Number }
                          select new { l.ImplementationCode, l.Name, l.DepartmentCreditCode, l.DivisionCode, v.Elements })
            .ToListAsync(cancellationToken);
        return [.. rows.SelectMany(r => r.Elements.Places
                .Where(p => !string.IsNullOrWhiteSpace(p.Hall) || !string.IsNullOrWhiteSpace(p.Station))
                .Select(p => new PlacedItem(r.ImplementationCode, r.Name, r.DepartmentCreditCode, r.DivisionCode,
                    string.IsNullOrWhiteSpace(p.Hall) ? null : p.Hall.Trim(), string.IsNullOrWhiteSpace(p.Hall) ? p.Station!.Trim() : null)))
            .OrderBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.ImplementationCode, StringComparer.Ordinal)];
    }
}
