namespace Tongban.Kernel.Audit;

/// <summary>A link of a chain by its sequence and hash; <see cref="Genesis"/> is the point before the first link.</summary>
public readonly record struct ChainPoint(long Sequence, string Hash)
{
    public static ChainPoint Genesis => new(0, HashChain.Genesis);
}

/// <summary>A signed checkpoint whose signature a trusted key verified: at <see cref="Sequence"/> the chain's hash was <see cref="HeadHash"/>.</summary>
public sealed record TrustedCheckpoint(long Sequence, string HeadHash, DateTimeOffset SignedAt);

/// <summary>
/// One walk along a chain, link by link. Each link must hash to its stored hash, carry the next sequence and point to
/// its predecessor; a forger who rewrites an entry and recomputes every later hash passes those checks, so each signed
/// checkpoint must also equal the recomputed hash at its sequence. The walk remembers the last checkpoint that held:
/// after a rewrite, everything after it is suspect, and its successor is the entry named.
/// </summary>
internal sealed class ChainWalk(ChainPoint start, IReadOnlyList<TrustedCheckpoint> checkpoints)
{
    private readonly Queue<TrustedCheckpoint> _due = new(checkpoints.Where(c => c.Sequence > start.Sequence).OrderBy(c => c.Sequence));
    private string _previousHash = start.Hash;
    private string? _beforePreviousHash;
    private long _expected = start.Sequence + 1;
    private long _count;
    private int _checked;
    private TrustedCheckpoint? _lastGood;

    private long FirstSuspect => (_lastGood?.Sequence ?? start.Sequence) + 1;

    /// <summary>Checks the next link; returns the verdict when it breaks the chain.</summary>
    public AuditVerification? Step(IChainLink entry)
    {
        _count++;
        if (entry.Hash != entry.ComputeHash())
            return Fault(AuditFault.Altered, entry.Sequence, $"entry #{entry.Sequence} was altered: its content no longer matches its hash");
        if (entry.Sequence != _expected)
            return Fault(AuditFault.Deleted, _expected, entry.Sequence == _expected + 1
                ? $"entry #{_expected} was deleted: the sequence jumps to #{entry.Sequence}"
                : $"entries #{_expected} to #{entry.Sequence - 1} were deleted: the sequence jumps to #{entry.Sequence}");
        if (entry.PreviousHash != _previousHash)
        {
            return entry.PreviousHash == _beforePreviousHash
                ? Fault(AuditFault.Inserted, entry.Sequence - 1, $"entry #{entry.Sequence - 1} was inserted: #{entry.Sequence} links past it")
                : Fault(AuditFault.Deleted, entry.Sequence, $"an entry before #{entry.Sequence} was deleted: its link points to no entry present");
        }
        while (_due.TryPeek(out var checkpoint) && checkpoint.Sequence == entry.Sequence)
        {
            _due.Dequeue();
            if (checkpoint.HeadHash != entry.Hash)
                return Fault(AuditFault.Rewritten, FirstSuspect, $"the chain was rewritten: entry #{entry.Sequence} no longer matches the checkpoint signed at " +
                    $"{checkpoint.SignedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC; {Since} cannot be trusted, from entry #{FirstSuspect} on");
            _lastGood = checkpoint;
            _checked++;
        }
        (_beforePreviousHash, _previousHash) = (_previousHash, entry.Hash);
        _expected++;
        return null;
    }

    /// <summary>The verdict once every link is walked, against the chain head and the checkpoints beyond the last link.</summary>
    public AuditVerification End((long LastSequence, string LastHash)? head)
    {
        var last = _expected - 1;
        if (head is { } h && h.LastSequence > last)
            return Fault(AuditFault.Deleted, _expected, $"entries from #{_expected} to #{h.LastSequence} were deleted: the chain head records #{h.LastSequence}");
        if (head is { } g && (g.LastSequence < last || g.LastHash != _previousHash))
            return Fault(AuditFault.Inserted, g.LastSequence + 1, $"entry #{g.LastSequence + 1} was inserted after the chain head #{g.LastSequence}");
        if (head is null && _count > 0)
            return Fault(AuditFault.Inserted, 1, "entries exist but the chain head is missing");
        if (_due.TryPeek(out var beyond))
            return Fault(AuditFault.Rewritten, FirstSuspect, $"the chain was cut back: a checkpoint signed at {beyond.SignedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC " +
                $"records entry #{beyond.Sequence}, but the chain ends at #{last}; {Since} cannot be trusted, from entry #{FirstSuspect} on");
        return new(_count, AuditFault.None, null, null, _checked, _lastGood?.Sequence);
    }

    private string Since => _lastGood is null ? "no entry" : $"nothing after the checkpoint at entry #{_lastGood.Sequence}";

    private AuditVerification Fault(AuditFault fault, long sequence, string description) =>
        new(_count, fault, sequence, description, _checked, _lastGood?.Sequence);
}
