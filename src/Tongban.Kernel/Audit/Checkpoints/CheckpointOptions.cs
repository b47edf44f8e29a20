using Tongban.Kernel.Keys;

namespace Tongban.Kernel.Audit.Checkpoints;

/// <summary>Section <c>Audit:Checkpoints</c>: how often the chains' heads are signed, with what, and where they are published.</summary>
public sealed class CheckpointOptions
{
    public const string Section = "Audit:Checkpoints";

    /// <summary>The key file's name in the key directory (<c>NAME.key</c>, <c>NAME.pub</c>).</summary>
    public const string KeyName = "audit-checkpoints";

    /// <summary><c>Ed25519</c> (default) or <c>SM2</c>; used when the key is made. A key already made keeps its algorithm.</summary>
    public string Algorithm { get; set; } = SignatureSchemes.Ed25519;

    /// <summary>How often each instance looks whether a checkpoint is due; zero turns the worker off in this instance.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>A checkpoint is due once this many entries were appended since the last one…</summary>
    public int EveryEntries { get; set; } = 1000;

    /// <summary>…or once the head has moved and the last checkpoint is this old.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Every checkpoint signed by this instance is also appended here, one JSON line each: a copy the database cannot
    /// take back. Empty: <c>{Storage:DataDirectory}/audit-checkpoints.jsonl</c>. Point it at storage a database account
    /// cannot reach (another disk, a log shipper's spool, write-once storage).
    /// </summary>
    public string? PublishFile { get; set; }

    /// <summary>An RFC 3161 timestamp service (TSA) that stamps each checkpoint; none when empty.</summary>
    public string? TimestampUrl { get; set; }

    /// <summary>The TSA's certificate (PEM) that tokens must be signed with; without it, a token is checked against the certificate it carries.</summary>
    public string? TimestampCertificate { get; set; }
}
