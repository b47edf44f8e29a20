namespace Tongban.Licenses.Contracts;

/// <summary>
/// One historical file to import: CSV (a header row) or JSON Lines (one flat object a line). Columns <c>type_code</c>,
/// <c>issuer_code</c>, <c>number</c>, <c>holder_code</c>, <c>holder_name</c>, <c>issued_on</c>, <c>valid_until</c>
/// (dates yyyy-MM-dd); every other column is a field of the license type, by its key (empty cells are absent).
/// <paramref name="Open"/> is called twice (fingerprint, then reading): it must give the same bytes each time.
/// </summary>
public sealed record HistoryImportRequest(string FileName, Func<Stream> Open, bool JsonLines, string Actor, int ChunkSize = 2_000);

/// <summary>How far an import is: lines read, bytes read of the total, and the checkpoint a resumed run started after.</summary>
public sealed record HistoryImportProgress(long LinesRead, long BytesRead, long TotalBytes, long ResumedAfterLine);

/// <summary>A rejected line and its reasons, in both languages.</summary>
public sealed record HistoryRejection(long Line, IReadOnlyList<(string Field, string Chinese, string English)> Reasons);

/// <summary>What an import did, over the whole file (also the part done before an interruption).</summary>
public sealed record HistoryImportSummary(Guid RunId, string FileName, long Lines, long Imported, long Rejected, long ResumedAfterLine, double Seconds,
    IReadOnlyList<HistoryRejection> FirstRejections);

/// <summary>Historical license import (历史证照导入) and its generator, for the command line and demo seeding.</summary>
public interface ILicenseHistory
{
    /// <summary>
    /// Imports a file: every good line becomes a license sealed by its issuing authority; every bad line is kept as a
    /// named rejection for the quality report. Resumes an interrupted run of the same file after its checkpoint.
    /// </summary>
    Task<HistoryImportSummary> ImportAsync(HistoryImportRequest request, IProgress<HistoryImportProgress>? progress, CancellationToken cancellationToken);

    /// <summary>Writes <paramref name="count"/> plausible historical records over the published types (a share of them bad), the same for the same seed.</summary>
    Task<long> GenerateAsync(long count, int seed, bool jsonLines, Stream output, CancellationToken cancellationToken);
}
