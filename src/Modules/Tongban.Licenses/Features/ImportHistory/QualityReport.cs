using Microsoft.EntityFrameworkCore;
using Tongban.Kernel.Errors;
using Tongban.Licenses.Data;
using Tongban.Licenses.Domain;

namespace Tongban.Licenses.Features.ImportHistory;

internal sealed record RunRow(Guid Id, string FileName, bool Done, long LinesDone, long Imported, long Rejected, string Actor, DateTimeOffset StartedAt, DateTimeOffset? FinishedAt);

/// <summary>One type and authority in a run: licenses imported, lines rejected (still open), corrected, set aside.</summary>
internal sealed record QualityRow(string TypeCode, string IssuerCode, long Imported, long Open, long Corrected, long Dismissed);

/// <summary>How often a reason occurred in a run.</summary>
internal sealed record ReasonCount(string Code, string Zh, string En, long Lines);

internal sealed record RunReport(RunRow Run, IReadOnlyList<QualityRow> ByTypeAndAuthority, IReadOnlyList<ReasonCount> Reasons);

/// <summary>
/// The data-quality report (数据质量报告) of historical imports: the runs, each run's summary per license type and
/// issuing authority and per reason, and its rejected lines (an authority's administrator: their own authority's lines).
/// </summary>
internal sealed class QualityReport(LicensesDbContext db)
{
    public const int PageSize = 50;

    public async Task<IReadOnlyList<RunRow>> RunsAsync(CancellationToken ct) =>
        [.. (await db.ImportRuns.AsNoTracking().ToListAsync(ct)).OrderByDescending(r => r.StartedAt).Take(100).Select(Row)];

    public async Task<RunReport> ReportAsync(Guid runId, string? authority, CancellationToken ct)
    {
        var run = await db.ImportRuns.AsNoTracking().SingleOrDefaultAsync(r => r.Id == runId, ct) ?? throw new DomainException(DomainError.NotFound("导入批次", "Import run"));
        var prefix = ImportHistory.SourceKey(runId, 0)[..^1];
        var imported = await db.Licenses.AsNoTracking().Where(l => l.SourceKey!.StartsWith(prefix) && (authority == null || l.IssuerCode == authority))
            .GroupBy(l => new { l.TypeCode, l.IssuerCode }).Select(g => new { g.Key.TypeCode, g.Key.IssuerCode, Count = g.LongCount() }).ToListAsync(ct);
        var rejections = await Rejections(runId, authority).ToListAsync(ct);
        var keys = imported.Select(i => (i.TypeCode, i.IssuerCode)).Concat(rejections.Select(r => (r.TypeCode, r.IssuerCode))).Distinct()
            .OrderBy(k => k.TypeCode, StringComparer.Ordinal).ThenBy(k => k.IssuerCode, StringComparer.Ordinal);
        var rows = keys.Select(k => new QualityRow(k.TypeCode, k.IssuerCode,
            imported.Where(i => (i.TypeCode, i.IssuerCode) == k).Sum(i => i.Count) - rejections.LongCount(r => (r.TypeCode, r.IssuerCode) == k && r.State == RejectionState.Resolved),
            Count(k, RejectionState.Open), Count(k, RejectionState.Resolved), Count(k, RejectionState.Dismissed))).ToList();
        var reasons = rejections.SelectMany(r => r.Reasons.DistinctBy(x => x.Code)).GroupBy(x => x.Code)
            .Select(g => new ReasonCount(g.Key, g.First().Zh, g.First().En, g.LongCount())).OrderByDescending(r => r.Lines).ToList();
        return new RunReport(Row(run), rows, reasons);

        long Count((string, string) key, RejectionState state) => rejections.LongCount(r => (r.TypeCode, r.IssuerCode) == key && r.State == state);
    }

    /// <summary>A page of a run's rejected lines in line order; <paramref name="state"/> null for all.</summary>
    public async Task<IReadOnlyList<ImportRejection>> RejectedAsync(Guid runId, string? authority, RejectionState? state, int page, CancellationToken ct)
    {
        if (page is < 1 or > 100_000) throw new DomainException(new DomainError("license.page", "页码应在1至100000之间", "The page is 1 to 100,000", ErrorKind.BadRequest, "page"));
        var query = Rejections(runId, authority);
        if (state is { } s) query = query.Where(r => r.State == s);
        return await query.OrderBy(r => r.Line).Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(ct);
    }

    private IQueryable<ImportRejection> Rejections(Guid runId, string? authority) =>
        db.ImportRejections.AsNoTracking().Where(r => r.RunId == runId && (authority == null || r.IssuerCode == authority));

    private static RunRow Row(ImportRun r) => new(r.Id, r.FileName, r.State == ImportState.Done, r.LinesDone, r.Imported, r.Rejected, r.Actor, r.StartedAt, r.FinishedAt);
}
