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
/// every reason, and the type and issuer it named, for the quality report's summary and the correction page.
/// </summary>
internal sealed class ImportRejection
{
    private ImportRejection() { }

    public Guid Id { get; private set; }
    public Guid RunId { get; private set; }
    public long Line { get; private set; }
    public string TypeCode { get; private set; } = "";
    public string IssuerCode { get; private set; } = "";
    public Dictionary<string, string> Record { get; private set; } = [];
    public List<RejectionReason> Reasons { get; private set; } = [];
    public RejectionState State { get; private set; }
    public string? Identifier { get; private set; }
    public string? ResolvedBy { get; private set; }
    public DateTimeOffset? ResolvedAt { get; private set; }
    public string? Note { get; private set; }

    public static ImportRejection Of(Guid run, long line, IReadOnlyDictionary<string, string> record, IReadOnlyList<RejectionReason> reasons) => new()
    {
        Id = Guid.CreateVersion7(), RunId = run, Line = line, Record = new(record, StringComparer.Ordinal), Reasons = [.. reasons],
        TypeCode = Cut(record.GetValueOrDefault("type_code")), IssuerCode = Cut(record.GetValueOrDefault("issuer_code")), State = RejectionState.Open,
    };

    /// <summary>A resubmission that failed again: the corrected record and its new reasons.</summary>
    public void StillWrong(IReadOnlyDictionary<string, string> record, IReadOnlyList<RejectionReason> reasons) =>
        (Record, Reasons, TypeCode, IssuerCode) = (new(record, StringComparer.Ordinal), [.. reasons], Cut(record.GetValueOrDefault("type_code")), Cut(record.GetValueOrDefault("issuer_code")));

    public void Resolve(string identifier, string actor, DateTimeOffset at) => (State, Identifier, ResolvedBy, ResolvedAt) = (RejectionState.Resolved, identifier, actor, at);

    public void Dismiss(string note, string actor, DateTimeOffset at) => (State, Note, ResolvedBy, ResolvedAt) = (RejectionState.Dismissed, note, actor, at);

    private static string Cut(string? code) => (code ?? "").Trim().ToUpperInvariant() is var c && c.Length > 32 ? c[..32] : c;
}
