namespace Tongban.Kernel.Audit;

public enum AuditFault
{
    None,
    Altered,
    Inserted,
    Deleted,

    /// <summary>The chain links up, but no longer matches a signed checkpoint: it was rewritten from some entry on, hashes recomputed.</summary>
    Rewritten,

    /// <summary>A checkpoint whose signature no trusted key verifies (forged, or signed by a key not kept).</summary>
    UntrustedCheckpoint,
}

/// <summary>
/// The verdict on a chain: the first entry where it breaks and how, or none. <see cref="CheckpointsChecked"/> signed
/// checkpoints were compared with the chain; <see cref="LastCheckpoint"/> is the sequence of the last one it matched.
/// After a rewrite, <see cref="Sequence"/> is the first entry after the last good checkpoint.
/// </summary>
public sealed record AuditVerification(long EntriesChecked, AuditFault Fault, long? Sequence, string? Description,
    int CheckpointsChecked = 0, long? LastCheckpoint = null)
{
    public bool IsIntact => Fault == AuditFault.None;
}
