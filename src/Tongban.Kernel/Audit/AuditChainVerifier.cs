using Microsoft.EntityFrameworkCore;
using Tongban.Kernel.Data;

namespace Tongban.Kernel.Audit;

public enum AuditFault
{
    None,
    Altered,
    Inserted,
    Deleted,
}

/// <summary>The verdict on a chain: the first entry where it breaks and how, or none.</summary>
public sealed record AuditVerification(long EntriesChecked, AuditFault Fault, long? Sequence, string? Description)
{
    public bool IsIntact => Fault == AuditFault.None;
}

/// <summary>One link of a hash chain: its place, its predecessor's hash, its own hash and how to recompute it.</summary>
public interface IChainLink
{
    long Sequence { get; }
    string PreviousHash { get; }
    string Hash { get; }
    string ComputeHash();
}

/// <summary>
/// Walks a hash chain in order and names the first altered, inserted or deleted link. Every chain of the
/// platform (the audit log, the registries' access log) is checked by this one walk.
/// </summary>
public static class HashChain
{
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <param name="links">The links in sequence order.</param>
    /// <param name="head">The chain head's last sequence and hash, or null when no head row exists.</param>
    public static async Task<AuditVerification> VerifyAsync(IAsyncEnumerable<IChainLink> links, Func<CancellationToken, Task<(long LastSequence, string LastHash)?>> head, CancellationToken cancellationToken)
    {
        var previousHash = Genesis;
        var beforePreviousHash = (string?)null;
        long expected = 1, count = 0;
        await foreach (var entry in links.WithCancellation(cancellationToken))
        {
            count++;
            if (entry.Hash != entry.ComputeHash())
                return new(count, AuditFault.Altered, entry.Sequence, $"entry #{entry.Sequence} was altered: its content no longer matches its hash");
            if (entry.Sequence != expected)
                return new(count, AuditFault.Deleted, expected, entry.Sequence == expected + 1
                    ? $"entry #{expected} was deleted: the sequence jumps to #{entry.Sequence}"
                    : $"entries #{expected} to #{entry.Sequence - 1} were deleted: the sequence jumps to #{entry.Sequence}");
            if (entry.PreviousHash != previousHash)
            {
                return entry.PreviousHash == beforePreviousHash
                    ? new(count, AuditFault.Inserted, entry.Sequence - 1, $"entry #{entry.Sequence - 1} was inserted: #{entry.Sequence} links past it")
                    : new(count, AuditFault.Deleted, entry.Sequence, $"an entry before #{entry.Sequence} was deleted: its link points to no entry present");
            }
            beforePreviousHash = previousHash;
            previousHash = entry.Hash;
            expected++;
        }

        var last = await head(cancellationToken);
        if (last is { } h && h.LastSequence > expected - 1)
            return new(count, AuditFault.Deleted, expected, $"entries from #{expected} to #{h.LastSequence} were deleted: the chain head records #{h.LastSequence}");
        if (last is { } g && (g.LastSequence < expected - 1 || g.LastHash != previousHash))
            return new(count, AuditFault.Inserted, g.LastSequence + 1, $"entry #{g.LastSequence + 1} was inserted after the chain head #{g.LastSequence}");
        if (last is null && count > 0)
            return new(count, AuditFault.Inserted, 1, "entries exist but the chain head is missing");
        return new(count, AuditFault.None, null, null);
    }
}

/// <summary>Verifies the audit chain.</summary>
public sealed class AuditChainVerifier(KernelDbContext db)
{
    public Task<AuditVerification> VerifyAsync(CancellationToken cancellationToken) => HashChain.VerifyAsync(
        db.AuditEntries.AsNoTracking().OrderBy(e => e.Sequence).AsAsyncEnumerable(),
        async ct => await db.AuditHeads.AsNoTracking().Select(h => new { h.LastSequence, h.LastHash }).SingleOrDefaultAsync(ct) is { } h ? (h.LastSequence, h.LastHash) : null,
        cancellationToken);
}
