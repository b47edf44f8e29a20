using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Tongban.Catalog.Contracts;
using Tongban.Catalog.Data;
using Tongban.Catalog.Domain;
using Tongban.Catalog.Features.ImportFeed;
using Tongban.Kernel.Errors;
using Tongban.Kernel.Time;
using Tongban.Organization.Contracts;

namespace Tongban.Catalog.Features.GenerateCatalog;

/// <summary>
/// Scales the catalog for benchmarks (22,112 items city-wide, or ten times that): each generated item is a
/// hand-written item implemented by another department, sometimes a variant of it (变更, 注销, 补领…), fed
/// through the same import path as a provincial feed.
/// </summary>
internal sealed class CatalogGenerator(CatalogDbContext db, ImportFeed.ImportFeed import, IOrganizationDirectory organization, RegionClock clock) : ICatalogImport
{
    private static readonly string[] Variants = ["", "（变更）", "（注销）", "（补领）", "（延续）", "（首次申请）", "（迁移）", "（换领）"];

    public async Task<CatalogImportResult> ImportFeedAsync(byte[] json, string source, string actor, CancellationToken cancellationToken) =>
        Result(await import.RunAsync(json, source, actor, cancellationToken));

    public async Task<CatalogImportResult> ImportCsvFeedAsync(TextReader items, TextReader materials, string source, bool complete, string actor, CancellationToken cancellationToken) =>
        Result(await import.RunAsync(CsvFeedReader.Read(items, materials, source, "materials.csv", complete), actor, cancellationToken));

    public async Task<CatalogImportResult> GenerateAsync(int items, string actor, CancellationToken cancellationToken)
    {
        var existing = await db.Items.CountAsync(cancellationToken);
        var wanted = items - existing;
        if (wanted <= 0) return new CatalogImportResult(0, 0, existing, 0, 0, [$"the catalog already holds {existing} items"]);
        var today = clock.Today;
        var bases = (await db.Items.AsNoTracking().Include(i => i.Versions).Where(i => i.Status == ItemStatus.Published).OrderBy(i => i.ImplementationCode).ToListAsync(cancellationToken))
            .Select(i => i.EffectiveOn(today)?.Elements).OfType<ItemElements>().ToList();
        if (bases.Count == 0)
            throw new DomainException(new DomainError("generate.no_base", "目录为空：请先导入演示目录（tongban seed demo）", "The catalog is empty: load the demo catalog first (tongban seed demo)"));
        var departments = await organization.ListDepartmentsAsync(null, cancellationToken);
        var lines = new List<FeedItem>(wanted);
        for (var k = 0; k < wanted; k++)
        {
            var b = bases[k % bases.Count];
            var department = departments[(k / bases.Count + 1) % departments.Count];
            var variant = Variants[k / (bases.Count * departments.Count) % Variants.Length];
            var serial = (existing + k).ToString("D9", CultureInfo.InvariantCulture);
            lines.Add(Line(b, $"G{serial[..9]}00", department.CreditCode + "G" + serial, b.Name + variant, department));
        }
        var feed = new ParsedFeed("generated", new FeedDocument("generated", today, lines, []), [.. Enumerable.Range(1, lines.Count)], Complete: false);
        return Result(await import.RunAsync(feed, actor, cancellationToken));
    }

    private static FeedItem Line(ItemElements b, string basicCode, string implementationCode, string name, DepartmentInfo department) =>
        FeedItem.From(basicCode, implementationCode, b) with
        {
            Name = name,
            Level = department.DivisionCode.EndsWith("00000000", StringComparison.Ordinal) ? "市" : "县",
            DivisionCode = department.DivisionCode,
            DepartmentCreditCode = department.CreditCode,
            LifeEvents = [],
        };

    private static CatalogImportResult Result(FeedReport r) => new(r.Added, r.Changed, r.Unchanged, r.Abolished, r.Bundles, [.. r.Differences, .. r.Warnings]);
}
