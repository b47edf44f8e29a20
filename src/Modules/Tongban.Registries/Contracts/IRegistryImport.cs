namespace Tongban.Registries.Contracts;

/// <summary>The two file formats of a registry import (docs/registries.md).</summary>
public enum ImportFormat
{
    /// <summary>CSV with a header of the registry's field names.</summary>
    Csv,

    /// <summary>JSON Lines: one object per line with the registry's field names.</summary>
    JsonLines,
}

/// <summary>
/// One file to import into one registry. <paramref name="Open"/> is called twice (once to fingerprint the file,
/// once to read it), so it must give the same bytes each time.
/// </summary>
/// <param name="Registry">The registry's code: population, legal-entities, geospatial or credit-lists.</param>
/// <param name="FileName">The name shown in reports and kept with the run.</param>
/// <param name="ChunkSize">Lines per transaction; the checkpoint of a resumable run moves after each.</param>
/// <param name="ReportPath">Where to write every rejected line as CSV; none when null.</param>
public sealed record RegistryImportRequest(string Registry, string FileName, Func<Stream> Open, ImportFormat Format, string Actor,
    int ChunkSize = 50_000, string? ReportPath = null);

/// <summary>
/// How far an import is: lines read, bytes read of the total (−1 when unknown), and the checkpoint (lines committed;
/// −1 in a report about reading). <paramref name="ResumedAfterLine"/> is the checkpoint a resumed run started from.
/// </summary>
public sealed record RegistryImportProgress(long LinesRead, long BytesRead, long TotalBytes, long LinesCommitted, long ResumedAfterLine);

/// <summary>A line that was not loaded, with the field at fault and why, in both languages.</summary>
public sealed record RejectedLine(long Line, string Field, string Code, string Chinese, string English);

/// <summary>
/// What an import did. Counts cover the whole file, including the part done before an interruption;
/// <paramref name="ResumedAfterLine"/> is the checkpoint a resumed run started from (0 for a fresh run).
/// </summary>
public sealed record RegistryImportSummary(string Registry, Guid RunId, string FileName, long Lines, long Added, long Changed, long Unchanged,
    long Rejected, long ResumedAfterLine, double Seconds, IReadOnlyList<RejectedLine> FirstRejections, string? ReportFile);

/// <summary>How much synthetic demo data <see cref="IRegistryImport.SeedAsync"/> makes.</summary>
public sealed record RegistrySeedSize(int People, int Entities, int Features, int CreditEntries)
{
    public static readonly RegistrySeedSize Default = new(20_000, 2_000, 1_000, 200);
}

/// <summary>Bulk loading and generating registry records, for the <c>tongban</c> command and the admin API.</summary>
public interface IRegistryImport
{
    /// <summary>
    /// Imports a file: bad lines are rejected with their line number and reason and never stop the load; good
    /// lines become new records or new versions. The same file again changes nothing; an interrupted run of the
    /// same file resumes after its checkpoint.
    /// </summary>
    /// <exception cref="Kernel.Errors.DomainException">An unknown registry, a file without the required columns, or an import of the registry already running.</exception>
    Task<RegistryImportSummary> ImportAsync(RegistryImportRequest request, IProgress<RegistryImportProgress>? progress, CancellationToken cancellationToken);

    /// <summary>Writes <paramref name="count"/> synthetic records of the demo region, the same for the same seed; returns how many.</summary>
    Task<long> GenerateAsync(string registry, long count, int seed, ImportFormat format, Stream output, CancellationToken cancellationToken);

    /// <summary>Loads the region pack's fixed demo records (docs/registries.md) and a generated set of the given size.</summary>
    Task<IReadOnlyList<RegistryImportSummary>> SeedAsync(RegistrySeedSize size, int seed, CancellationToken cancellationToken);
}

/// <summary>Names of the import formats, as the command line and the API take them.</summary>
public static class ImportFormats
{
    /// <summary><c>csv</c>, or <c>jsonl</c> (also <c>ndjson</c>); null when the name is none of them.</summary>
    public static ImportFormat? Parse(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        "csv" or "text/csv" => ImportFormat.Csv,
        "jsonl" or "ndjson" or "jsonlines" or "application/jsonl" or "application/x-ndjson" or "application/x-jsonlines" => ImportFormat.JsonLines,
        _ => null,
    };

    /// <summary>From the file's extension: .csv, .jsonl or .ndjson.</summary>
    public static ImportFormat? OfFile(string path) => Parse(Path.GetExtension(path).TrimStart('.'));
}
