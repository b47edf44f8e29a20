using Microsoft.EntityFrameworkCore;
using Tongban.Catalog.Data;
using Tongban.Catalog.Domain;
using Tongban.Kernel.Time;

namespace Tongban.Catalog.Features.ReportCatalog;

/// <summary>An element of a lower-level implementation that differs from the basic item as the higher level implements it.</summary>
internal sealed record Divergence(string BasicCode, string Name, string Reference, string ReferenceDivision, string Implementation, string Division, string Element, string Expected, string Actual);

/// <summary>
/// Same elements at every level: each county or township implementation of a basic item is compared with the
/// implementation at the highest level present (the city's, or the province's); every difference in limits,
/// materials, fees, trips or online depth is listed for the catalog administrator to fix or justify.
/// </summary>
internal sealed class ConsistencyReport(CatalogDbContext db, RegionClock clock)
{
    public async Task<IReadOnlyList<Divergence>> GetAsync(CancellationToken ct)
    {
        var shared = await db.Listings.AsNoTracking().Where(l => l.Status != ItemStatus.Abolished)
            .GroupBy(l => l.BasicCode).Where(g => g.Count() > 1).Select(g => g.Key).ToListAsync(ct);
        var items = await db.Items.AsNoTracking().Include(i => i.Versions)
            .Where(i => shared.Contains(i.BasicCode) && i.Status != ItemStatus.Abolished).ToListAsync(ct);
        var today = clock.Today;
        var divergences = new List<Divergence>();
        foreach (var group in items.Select(i => (Item: i, Elements: i.EffectiveOn(today)?.Elements)).Where(x => x.Elements is not null).GroupBy(x => x.Item.BasicCode))
        {
            var ordered = group.OrderBy(x => x.Elements!.Level).ThenBy(x => x.Elements!.DivisionCode, StringComparer.Ordinal).ToList();
            var reference = ordered[0];
            foreach (var other in ordered.Skip(1))
                foreach (var (element, expected, actual) in Compare(reference.Elements!, other.Elements!))
                    divergences.Add(new Divergence(group.Key, reference.Elements!.Name, reference.Item.ImplementationCode, reference.Elements.DivisionCode,
                        other.Item.ImplementationCode, other.Elements!.DivisionCode, element, expected, actual));
        }
        return divergences.OrderBy(d => d.BasicCode, StringComparer.Ordinal).ThenBy(d => d.Division, StringComparer.Ordinal).ToList();
    }

    private static IEnumerable<(string Element, string Expected, string Actual)> Compare(ItemElements a, ItemElements b)
    {
        if (a.StatutoryLimit != b.StatutoryLimit) yield return ("statutoryLimit", $"{a.StatutoryLimit}", $"{b.StatutoryLimit}");
        if (a.PromisedLimit != b.PromisedLimit) yield return ("promisedLimit", $"{a.PromisedLimit}", $"{b.PromisedLimit}");
        if (a.Trips != b.Trips) yield return ("trips", $"{a.Trips}", $"{b.Trips}");
        if (a.OnlineDepth != b.OnlineDepth) yield return ("onlineDepth", $"{a.OnlineDepth}", $"{b.OnlineDepth}");
        var materialsA = a.Materials.Select(m => m.Name).Order(StringComparer.Ordinal).ToList();
        var materialsB = b.Materials.Select(m => m.Name).Order(StringComparer.Ordinal).ToList();
        if (!materialsA.SequenceEqual(materialsB))
            yield return ("materials", string.Join("、", materialsA.Except(materialsB)), string.Join("、", materialsB.Except(materialsA)));
        var feesA = string.Join("；", a.Fees.Select(f => $"{f.Name} {f.Amount}"));
        var feesB = string.Join("；", b.Fees.Select(f => $"{f.Name} {f.Amount}"));
        if (feesA != feesB) yield return ("fees", feesA, feesB);
    }
}
