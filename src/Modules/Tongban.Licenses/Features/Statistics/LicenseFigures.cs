using Microsoft.EntityFrameworkCore;
using Tongban.Kernel.Time;
using Tongban.Licenses.Contracts;
using Tongban.Licenses.Data;
using Tongban.Licenses.Domain;

namespace Tongban.Licenses.Features.Statistics;

/// <summary>
/// <see cref="ILicenseFigures"/>: counted in the database month by month (a count grouped by authority over an indexed
/// time range: lic_licenses (issued_at, issuer, source) or, for one department, (issuer, issued_at); lic_uses (kind, at),
/// then each use's license by its key), so the answer is months × authorities rows, never the licenses themselves. A
/// month is the region's: from its first day's midnight to the next month's.
/// </summary>
internal sealed class LicenseFigures(LicensesDbContext db, RegionClock clock) : ILicenseFigures
{
    private static readonly UseKind[] VerificationKinds = [UseKind.Verified, UseKind.PublicCheck, UseKind.SharedView, UseKind.CaseCheck];

    /// <summary>Every kind, named in the query so that the uses' (kind, at) index serves a month's range.</summary>
    private static readonly UseKind[] AllKinds = Enum.GetValues<UseKind>();

    public async Task<IReadOnlyList<LicenseMonthFigures>> MonthlyAsync(DateOnly from, DateOnly to, string? department, CancellationToken cancellationToken)
    {
        List<LicenseMonthFigures> rows = [];
        for (var month = new DateOnly(from.Year, from.Month, 1); month <= to; month = month.AddMonths(1))
        {
            var first = month < from ? from : month;
            var last = month.AddMonths(1).AddDays(-1) > to ? to : month.AddMonths(1).AddDays(-1);
            var (start, end) = (clock.At(first, TimeOnly.MinValue), clock.At(last.AddDays(1), TimeOnly.MinValue));
            var licenses = db.Licenses.AsNoTracking().Where(l => department == null || l.IssuerCode == department);
            var issued = await licenses.Where(l => l.IssuedAt >= start && l.IssuedAt < end)
                .GroupBy(l => new { l.IssuerCode, Imported = l.Source == LicenseSource.Import })
                .Select(g => new { g.Key.IssuerCode, g.Key.Imported, Count = g.LongCount() }).ToListAsync(cancellationToken);
            var uses = await (from u in db.Uses.AsNoTracking()
                              where EF.Constant(AllKinds).Contains(u.Kind) && u.At >= start && u.At < end
                              join l in licenses on u.LicenseId equals l.Id
                              group u by new { l.IssuerCode, u.Kind } into g
                              select new { g.Key.IssuerCode, g.Key.Kind, Count = g.LongCount() }).ToListAsync(cancellationToken);
            var key = month.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
            foreach (var authority in issued.Select(i => i.IssuerCode).Concat(uses.Select(u => u.IssuerCode)).Distinct().Order(StringComparer.Ordinal))
                rows.Add(new LicenseMonthFigures(key, authority,
                    issued.Where(i => i.IssuerCode == authority && !i.Imported).Sum(i => i.Count),
                    issued.Where(i => i.IssuerCode == authority && i.Imported).Sum(i => i.Count),
                    uses.Where(u => u.IssuerCode == authority && VerificationKinds.Contains(u.Kind)).Sum(u => u.Count),
                    uses.Where(u => u.IssuerCode == authority && !VerificationKinds.Contains(u.Kind)).Sum(u => u.Count)));
        }
        return rows;
    }
}
