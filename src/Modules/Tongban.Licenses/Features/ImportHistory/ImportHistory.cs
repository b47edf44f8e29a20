using System.Diagnostics;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Tongban.Kernel.Audit;
using Tongban.Kernel.Outbox;
using Tongban.Kernel.Time;
using Tongban.Licenses.Contracts;
using Tongban.Licenses.Data;
using Tongban.Licenses.Domain;
using Tongban.Licenses.Signing;
using Tongban.Organization.Contracts;

namespace Tongban.Licenses.Features.ImportHistory;

/// <summary>
/// Historical import (历史证照导入): the file is read in chunks; each chunk's lines are checked (<see cref="HistoryChecks"/>,
/// then the holders' names in bulk), the good ones sealed (<see cref="HistorySealing"/>), and the licenses, the named
/// rejections and the run's checkpoint commit in one transaction. So a line is either a sealed license or a named
/// rejection, never half of one, and an interrupted run of the same file (same SHA-256) resumes after its checkpoint.
/// </summary>
internal sealed class ImportHistory(LicensesDbContext db, HistorySealing sealing, HolderNames names, IOrganizationDirectory organization, RegionClock clock, TimeProvider time)
{
    public const int SummaryRejections = 100;

    private sealed record Run(ImportRun Row, HistoryChecks Checks, Dictionary<string, SealKey> Keys, List<HistoryRejection> First, string Actor);

    public async Task<HistoryImportSummary> RunAsync(HistoryImportRequest request, IProgress<HistoryImportProgress>? progress, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        ArgumentOutOfRangeException.ThrowIfLessThan(request.ChunkSize, 1);
        string fingerprint;
        await using (var stream = request.Open()) fingerprint = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, ct));
        var row = await db.ImportRuns.FirstOrDefaultAsync(r => r.Fingerprint == fingerprint && r.State == ImportState.Running, ct);
        if (row is null)
        {
            row = ImportRun.Start(request.FileName, fingerprint, request.Actor, time.GetUtcNow());
            db.ImportRuns.Add(row);
            await db.SaveChangesAsync(ct);
        }
        var resumeAfter = row.LinesDone;
        var run = new Run(row, await ChecksAsync(ct), [], [], request.Actor);
        var lines = await ReadAsync(request, run, resumeAfter, progress, ct);
        row.Finish(time.GetUtcNow());
        db.Audit(new AuditRecord(request.Actor, "licenses.history_imported", $"license-import:{row.Id}",
            $"{row.FileName}: {lines} lines, imported {row.Imported}, rejected {row.Rejected}", row.FinishedAt!.Value));
        await db.SaveChangesAsync(ct);
        return new HistoryImportSummary(row.Id, row.FileName, lines, row.Imported, row.Rejected, resumeAfter, watch.Elapsed.TotalSeconds, run.First);
    }

    /// <summary>The checks' reference data: the catalog, the departments, the numbers the library already holds.</summary>
    public async Task<HistoryChecks> ChecksAsync(CancellationToken ct)
    {
        var types = await db.Types.AsNoTracking().ToDictionaryAsync(t => t.Code, StringComparer.Ordinal, ct);
        var departments = (await organization.ListDepartmentsAsync(null, ct)).ToDictionary(d => d.CreditCode, StringComparer.Ordinal);
        var numbers = await db.Licenses.AsNoTracking().Where(l => l.Number != "").Select(l => new { l.TypeCode, l.IssuerCode, l.Number }).ToListAsync(ct);
        var library = numbers.Select(n => HistoryChecks.NumberKey(n.TypeCode, n.IssuerCode, n.Number)).ToHashSet(StringComparer.Ordinal);
        return new HistoryChecks(types, departments, new HashSet<string>(library, StringComparer.Ordinal), library, clock.Today);
    }

    private async Task<long> ReadAsync(HistoryImportRequest request, Run run, long resumeAfter, IProgress<HistoryImportProgress>? progress, CancellationToken ct)
    {
        await using var stream = request.Open();
        var total = stream.CanSeek ? stream.Length : -1;
        progress?.Report(new HistoryImportProgress(0, 0, total, resumeAfter));
        long records = 0;
        var chunk = new List<HistoryLine>(request.ChunkSize);
        foreach (var line in HistoryLines.Read(stream, request.JsonLines, request.FileName))
        {
            if (++records <= resumeAfter) continue; // committed before the interruption
            chunk.Add(line);
            if (chunk.Count < request.ChunkSize) continue;
            await CommitAsync(run, chunk, records, ct);
            chunk.Clear();
            progress?.Report(new HistoryImportProgress(records, stream.CanSeek ? stream.Position : -1, total, resumeAfter));
        }
        await CommitAsync(run, chunk, Math.Max(records, resumeAfter), ct);
        progress?.Report(new HistoryImportProgress(records, total, total, resumeAfter));
        return records;
    }

    private async Task CommitAsync(Run run, List<HistoryLine> chunk, long linesDone, CancellationToken ct)
    {
        var (candidates, rejections) = await CheckAsync(run.Checks, chunk, run.Actor, ct);
        await sealing.KeysAsync(candidates, run.Keys, ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await sealing.SealAsync(candidates, c => SourceKey(run.Row.Id, c.Line), run.Actor, run.Keys, ct);
        db.ImportRejections.AddRange(rejections.Select(r => ImportRejection.Of(run.Row.Id, r.Line, r.Cells, r.Reasons)));
        run.Row.Advance(linesDone, candidates.Count, rejections.Count);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
        db.Attach(run.Row);
        foreach (var r in rejections.Take(SummaryRejections - run.First.Count))
            run.First.Add(new HistoryRejection(r.Line, [.. r.Reasons.Select(x => (x.Field, x.Zh, x.En))]));
    }

    /// <summary>Every line's checks: the file's own, then the holders' names against the registries for those that passed.</summary>
    public async Task<(List<HistoryCandidate> Candidates, List<(long Line, Dictionary<string, string> Cells, List<RejectionReason> Reasons)> Rejections)> CheckAsync(
        HistoryChecks checks, IEnumerable<HistoryLine> lines, string actor, CancellationToken ct)
    {
        var candidates = new List<HistoryCandidate>();
        var rejections = new List<(long, Dictionary<string, string>, List<RejectionReason>)>();
        foreach (var line in lines)
        {
            var (candidate, reasons) = checks.Check(line);
            if (candidate is null) rejections.Add((line.Line, line.Cells, reasons));
            else candidates.Add(candidate);
        }
        var wrong = await names.MismatchesAsync(candidates, actor, ct);
        foreach (var c in candidates.Where(c => wrong.Contains(c.Line)))
        {
            checks.Release(c);
            rejections.Add((c.Line, c.Cells, [HolderNames.Reason]));
        }
        candidates.RemoveAll(c => wrong.Contains(c.Line));
        return (candidates, rejections);
    }

    public static string SourceKey(Guid run, long line) => $"import:{run:N}:{line}";
}
