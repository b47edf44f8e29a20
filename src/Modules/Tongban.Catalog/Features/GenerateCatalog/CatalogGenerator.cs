using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Tongban.Catalog.Contracts;
using Tongban.Catalog.Data;
using Tongban.Catalog.Domain;
using Tongban.Catalog.Features.ImportFeed;
using Tongban.Kernel.Errors;
using Tongban.Kernel.Identifiers;
using Tongban.Kernel.Time;
using Tongban.Organization.Contracts;

namespace Tongban.Catalog.Features.GenerateCatalog;

/// <summary>
/// Scales the catalog for benchmarks (22,112 items city-wide, or ten times that): the published basic items
/// implemented in the region's counties, townships and villages (<see cref="CatalogGrowth"/>), each by its county's
/// registered department, fed through the same import path as a provincial feed.
/// </summary>
internal sealed class CatalogGenerator(CatalogDbContext db, ImportFeed.ImportFeed import, IOrganizationDirectory organization, RegionClock clock) : ICatalogImport
{
    public async Task<CatalogImportResult> ImportFeedAsync(byte[] json, string source, string actor, CancellationToken cancellationToken) =>
        Result(await import.RunAsync(json, source, actor, cancellationToken));

    public async Task<CatalogEntriesResult> ImportEntriesAsync(byte[] json, string source, string actor, CancellationToken cancellationToken)
    {
        var report = await import.RunEntriesAsync(json, source, actor, cancellationToken);
        return new CatalogEntriesResult(report.Entries, report.SentToReview, report.NotRebased);
    }

    public async Task<CatalogImportResult> ImportCsvFeedAsync(TextReader items, TextReader materials, string source, bool complete, string actor, CancellationToken cancellationToken) =>
        Result(await import.RunAsync(CsvFeedReader.Read(items, materials, source, "materials.csv", complete), actor, cancellationToken));

    public async Task<CatalogImportResult> GenerateAsync(int items, string actor, CancellationToken cancellationToken)
    {
        var existing = await db.Items.CountAsync(cancellationToken);
        var wanted = items - existing;
        if (wanted <= 0) return new CatalogImportResult(0, 0, existing, 0, 0, [$"the catalog already holds {existing} items"]);
        var bases = await BasesAsync(cancellationToken);
        if (bases.Count == 0)
            throw new DomainException(new DomainError("generate.no_base", "目录为空：请先导入演示目录（tongban seed demo）", "The catalog is empty: load the demo catalog first (tongban seed demo)"));
        var departments = (await organization.ListDepartmentsAsync(null, cancellationToken)).ToLookup(d => d.DivisionCode[..6]);
        var divisions = (await organization.ListDivisionsAsync(cancellationToken))
            .Select(d => DivisionCode.Parse(d.Code)).Where(c => c.Level >= DivisionLevel.County && departments.Contains(c.Value[..6]))
            .Distinct().OrderBy(c => c.Level).ThenBy(c => c.Value, StringComparer.Ordinal).ToList();
        var implemented = (await db.Listings.AsNoTracking().Select(l => new { l.BasicCode, l.DivisionCode }).ToListAsync(cancellationToken))
            .Select(l => (l.BasicCode, l.DivisionCode)).ToHashSet();
        var lines = CatalogGrowth.Slots([.. bases.Select(b => b.Code)], [.. divisions.Select(d => d.Value)], implemented).Take(wanted)
            .Select((slot, k) => Line(bases[slot.Base], slot, DivisionCode.Parse(slot.DivisionCode), departments[slot.DivisionCode[..6]].First(), existing + k))
            .ToList();
        var feed = new ParsedFeed("generated", new FeedDocument("generated", clock.Today, lines, []), [.. Enumerable.Range(1, lines.Count)], Complete: false);
        var report = Result(await import.RunAsync(feed, actor, cancellationToken));
        return lines.Count < wanted ? report with { Warnings = [.. report.Warnings, $"every place implements every item: {lines.Count} added"] } : report;
    }

    /// <summary>One published implementation per basic code (the highest level first), as the items to implement elsewhere.</summary>
    private async Task<List<(string Code, ItemElements Elements)>> BasesAsync(CancellationToken ct)
    {
        var today = clock.Today;
        var published = await db.Items.AsNoTracking().Include(i => i.Versions).Where(i => i.Status == ItemStatus.Published).ToListAsync(ct);
        return [.. published.Select(i => (i.BasicCode, Elements: i.EffectiveOn(today)?.Elements)).Where(x => x.Elements is not null)
            .GroupBy(x => x.BasicCode, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, g.OrderBy(x => x.Elements!.Level).ThenBy(x => x.Elements!.DivisionCode, StringComparer.Ordinal).First().Elements!))];
    }

    private static FeedItem Line((string Code, ItemElements Elements) b, CatalogGrowth.Slot slot, DivisionCode division, DepartmentInfo department, int serial)
    {
        var number = serial.ToString("D9", CultureInfo.InvariantCulture);
        return FeedItem.From(CatalogGrowth.BasicCode(b.Code, slot.Variant), department.CreditCode + "G" + number, b.Elements) with
        {
            Name = b.Elements.Name + CatalogGrowth.Variants[slot.Variant],
            Level = division.Level switch { DivisionLevel.County => "县", DivisionLevel.Township => "乡镇", _ => "村" },
            DivisionCode = division.Value,
            DepartmentCreditCode = department.CreditCode,
            LifeEvents = [],
        };
    }

    private static CatalogImportResult Result(FeedReport r) => new(r.Added, r.Changed, r.Unchanged, r.Abolished, r.Bundles, [.. r.Differences, .. r.Warnings]);
}
