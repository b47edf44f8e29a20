using System.Text.Json;
using Tongban.Kernel.Data;

namespace Tongban.Licenses.Domain;

internal enum ImportState
{
    Running = 1,
    Done = 2,
}

/// <summary>
/// One import of a historical file (lic_import_runs), identified by the file's SHA-256: its checkpoint
/// (<see cref="LinesDone"/>, committed with each chunk) lets an interrupted run of the same file resume after it.
/// </summary>
internal sealed class ImportRun
{
    private ImportRun() { }

    public Guid Id { get; private set; }
    public string FileName { get; private set; } = "";
    public string Fingerprint { get; private set; } = "";
    public ImportState State { get; private set; }
    public long LinesDone { get; private set; }
    public long Imported { get; private set; }
    public long Rejected { get; private set; }
    public string Actor { get; private set; } = "";
    public DateTimeOffset StartedAt { get; private set; }
    public DateTimeOffset? FinishedAt { get; private set; }

    public static ImportRun Start(string fileName, string fingerprint, string actor, DateTimeOffset at) => new()
    {
        Id = Guid.CreateVersion7(at), FileName = fileName.Length > 260 ? fileName[..260] : fileName, Fingerprint = fingerprint,
        State = ImportState.Running, Actor = actor, StartedAt = at,
    };

    public void Advance(long linesDone, long imported, long rejected) => (LinesDone, Imported, Rejected) = (linesDone, Imported + imported, Rejected + rejected);

    public void Finish(DateTimeOffset at) => (State, FinishedAt) = (ImportState.Done, at);
}

internal enum RejectionState
{
    /// <summary>Waiting for an administrator to correct and resubmit it.</summary>
    Open = 1,

    /// <summary>Corrected and imported: <see cref="ImportRejection.Identifier"/> names the license.</summary>
    Resolved = 2,

    /// <summary>Set aside by an administrator with a reason (e.g. the paper record was void).</summary>
    Dismissed = 3,
}

/// <summary>One reason a historical record was refused: the field at fault and why, in both languages.</summary>
internal sealed record RejectionReason(string Field, string Code, string Zh, string En);

/// <summary>
/// A historical record the import refused (lic_import_rejections): its line, what it said (every column as read),
/// every reason, and the type and issuer it named, for the quality report's summary and the correction page. The
/// record and its reasons (which may quote a cell) are kept as JSON documents sealed at rest with the kernel's
/// personal-data mechanism, as a license's holder code and signed document are: the line carries the holder's ID
/// number or credit code, and a misplaced column can put it in any cell. Only the line number, the type and issuer
/// codes and the state stay in clear, for the report's counts.
/// </summary>
internal sealed class ImportRejection
{
    private ImportRejection() { }

    public Guid Id { get; private set; }
    public Guid RunId { get; private set; }
    public long Line { get; private set; }
    public string TypeCode { get; private set; } = "";
    public string IssuerCode { get; private set; } = "";

    /// <summary>The record as read, every non-empty column by name: JSON, sealed at rest.</summary>
    public string RecordJson { get; private set; } = "{}";

    /// <summary>Every reason (<see cref="RejectionReason"/>): JSON, sealed at rest.</summary>
    public string ReasonsJson { get; private set; } = "[]";

    public RejectionState State { get; private set; }
    public string? Identifier { get; private set; }
    public string? ResolvedBy { get; private set; }
    public DateTimeOffset? ResolvedAt { get; private set; }
    public string? Note { get; private set; }

    private (string Json, IReadOnlyDictionary<string, string> Value)? _record;
    private (string Json, IReadOnlyList<RejectionReason> Value)? _reasons;

    /// <summary>The record as read (opened from <see cref="RecordJson"/>).</summary>
    public IReadOnlyDictionary<string, string> Record
    {
        get
        {
            if (_record is not { } r || !ReferenceEquals(r.Json, RecordJson))
                _record = r = (RecordJson, new Dictionary<string, string>(JsonSerializer.Deserialize<Dictionary<string, string>>(RecordJson, JsonColumns.Options) ?? [], StringComparer.Ordinal));
            return r.Value;
        }
    }

    /// <summary>Why it was refused (opened from <see cref="ReasonsJson"/>).</summary>
    public IReadOnlyList<RejectionReason> Reasons
    {
        get
        {
            if (_reasons is not { } r || !ReferenceEquals(r.Json, ReasonsJson))
                _reasons = r = (ReasonsJson, JsonSerializer.Deserialize<List<RejectionReason>>(ReasonsJson, JsonColumns.Options) ?? []);
            return r.Value;
        }
    }

    public static ImportRejection Of(Guid run, long line, IReadOnlyDictionary<string, string> record, IReadOnlyList<RejectionReason> reasons) => new()
    {
        Id = Guid.CreateVersion7(), RunId = run, Line = line, RecordJson = Json(record), ReasonsJson = Json(reasons),
        TypeCode = Cut(record.GetValueOrDefault("type_code")), IssuerCode = Cut(record.GetValueOrDefault("issuer_code")), State = RejectionState.Open,
    };

    /// <summary>A resubmission that failed again: the corrected record and its new reasons.</summary>
    public void StillWrong(IReadOnlyDictionary<string, string> record, IReadOnlyList<RejectionReason> reasons) =>
        (RecordJson, ReasonsJson, TypeCode, IssuerCode) = (Json(record), Json(reasons), Cut(record.GetValueOrDefault("type_code")), Cut(record.GetValueOrDefault("issuer_code")));

    public void Resolve(string identifier, string actor, DateTimeOffset at) => (State, Identifier, ResolvedBy, ResolvedAt) = (RejectionState.Resolved, identifier, actor, at);

    public void Dismiss(string note, string actor, DateTimeOffset at) => (State, Note, ResolvedBy, ResolvedAt) = (RejectionState.Dismissed, note, actor, at);

    private static string Json<T>(T value) => JsonSerializer.Serialize(value, JsonColumns.Options);

    private static string Cut(string? code) => (code ?? "").Trim().ToUpperInvariant() is var c && c.Length > 32 ? c[..32] : c;
}
