using Microsoft.EntityFrameworkCore;
using Tongban.Licenses.Data;
using Tongban.Licenses.Domain;

namespace Tongban.Licenses.Features.Statistics;

/// <summary>One type and issuing authority's figures (item 12): issued (by hand, from cases, renewals), imported, rejected in import (still open or set aside), verifications, other uses.</summary>
internal sealed record StatisticsRow(string TypeCode, string IssuerCode, long Issued, long Imported, long Rejected, long Verifications, long Uses);

/// <summary>The library's figures per license type and issuing authority; an authority's administrator sees their own authority's only.</summary>
internal sealed class LicenseStatistics(LicensesDbContext db)
{
    private static readonly UseKind[] VerificationKinds = [UseKind.Verified, UseKind.PublicCheck, UseKind.SharedView, UseKind.CaseCheck];

    public async Task<IReadOnlyList<StatisticsRow>> PerTypeAndAuthorityAsync(string? authority, CancellationToken ct)
    {
        var licenses = db.Licenses.AsNoTracking().Where(l => authority == null || l.IssuerCode == authority);
        var issued = await licenses.GroupBy(l => new { l.TypeCode, l.IssuerCode, Imported = l.Source == LicenseSource.Import })
            .Select(g => new { g.Key.TypeCode, g.Key.IssuerCode, g.Key.Imported, Count = g.LongCount() }).ToListAsync(ct);
        var rejected = await db.ImportRejections.AsNoTracking().Where(r => r.State != RejectionState.Resolved && (authority == null || r.IssuerCode == authority))
            .GroupBy(r => new { r.TypeCode, r.IssuerCode }).Select(g => new { g.Key.TypeCode, g.Key.IssuerCode, Count = g.LongCount() }).ToListAsync(ct);
        var uses = await (from u in db.Uses.AsNoTracking()
                          join l in licenses on u.LicenseId equals l.Id
                          group u by new { l.TypeCode, l.IssuerCode, u.Kind } into g
                          select new { g.Key.TypeCode, g.Key.IssuerCode, g.Key.Kind, Count = g.LongCount() }).ToListAsync(ct);
        var keys = issued.Select(i => (i.TypeCode, i.IssuerCode)).Concat(rejected.Select(r => (r.TypeCode, r.IssuerCode))).Distinct();
        return [.. keys.Select(k => new StatisticsRow(k.TypeCode, k.IssuerCode,
                issued.Where(i => (i.TypeCode, i.IssuerCode) == k && !i.Imported).Sum(i => i.Count),
                issued.Where(i => (i.TypeCode, i.IssuerCode) == k && i.Imported).Sum(i => i.Count),
                rejected.Where(r => (r.TypeCode, r.IssuerCode) == k).Sum(r => r.Count),
                uses.Where(u => (u.TypeCode, u.IssuerCode) == k && VerificationKinds.Contains(u.Kind)).Sum(u => u.Count),
                uses.Where(u => (u.TypeCode, u.IssuerCode) == k && !VerificationKinds.Contains(u.Kind)).Sum(u => u.Count)))
            .OrderBy(r => r.TypeCode, StringComparer.Ordinal).ThenBy(r => r.IssuerCode, StringComparer.Ordinal)];
    }
}
