using Microsoft.EntityFrameworkCore;
using Tongban.Catalog.Data;
using Tongban.Catalog.Domain;

namespace Tongban.Catalog.Features.ReportCatalog;

/// <summary>One row of the catalog statistics: a department, a level, or the whole catalog.</summary>
internal sealed record StatisticsRow(
    string Key, string Label, int Items, int OnlineHandling, double OnlineHandlingRate, int ZeroTrip, double ZeroTripRate,
    int AtMostOneTrip, double AtMostOneTripRate, int Compressed, int CompressedWorkingDays, double AverageCompressionRate);

internal sealed record CatalogStatisticsReport(StatisticsRow Total, IReadOnlyList<StatisticsRow> ByDepartment, IReadOnlyList<StatisticsRow> ByLevel);

/// <summary>
/// Online-handling rate (depth 3 or 4: the application can be made online), zero and one-trip counts, and
/// time-limit compression (statutory minus promised, in working days) over the items in effect, not abolished.
/// </summary>
internal sealed class CatalogStatistics(CatalogDbContext db)
{
    private sealed record Row(string DepartmentCreditCode, string DepartmentName, ExerciseLevel Level, int OnlineDepth, int Trips, int? StatutoryLimit, int PromisedLimit);

    public async Task<CatalogStatisticsReport> GetAsync(CancellationToken ct)
    {
        var rows = await db.Listings.AsNoTracking().Where(l => l.Status != ItemStatus.Abolished)
            .Select(l => new Row(l.DepartmentCreditCode, l.DepartmentName, l.Level, l.OnlineDepth, l.Trips, l.StatutoryLimit, l.PromisedLimit))
            .ToListAsync(ct);
        return new CatalogStatisticsReport(
            Summarise("all", "全部", rows),
            rows.GroupBy(r => r.DepartmentCreditCode).Select(g => Summarise(g.Key, g.First().DepartmentName, [.. g])).OrderByDescending(r => r.Items).ToList(),
            rows.GroupBy(r => r.Level).OrderBy(g => g.Key).Select(g => Summarise(g.Key.ToString(), Labels.Of(g.Key), [.. g])).ToList());
    }

    private static StatisticsRow Summarise(string key, string label, IReadOnlyCollection<Row> rows)
    {
        var compressed = rows.Where(r => r.StatutoryLimit is > 0 && r.PromisedLimit < r.StatutoryLimit).ToList();
        var withStatutory = rows.Where(r => r.StatutoryLimit is > 0).ToList();
        double Rate(int part) => rows.Count == 0 ? 0 : Math.Round(100.0 * part / rows.Count, 1);
        var online = rows.Count(r => r.OnlineDepth >= 3);
        var zero = rows.Count(r => r.Trips == 0);
        var oneOrLess = rows.Count(r => r.Trips <= 1);
        return new StatisticsRow(key, label, rows.Count, online, Rate(online), zero, Rate(zero), oneOrLess, Rate(oneOrLess),
            compressed.Count, compressed.Sum(r => r.StatutoryLimit!.Value - r.PromisedLimit),
            withStatutory.Count == 0 ? 0 : Math.Round(100.0 * withStatutory.Average(r => (double)(r.StatutoryLimit!.Value - r.PromisedLimit) / r.StatutoryLimit!.Value), 1));
    }
}
