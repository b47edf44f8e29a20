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

/// <summary>The verdict on the chain: the first entry where it breaks and how, or none.</summary>
public sealed record AuditVerification(long EntriesChecked, AuditFault Fault, long? Sequence, string? Description)
{
    public bool IsIntact => Fault == AuditFault.None;
}

/// <summary>Walks the chain in order and names the first altered, inserted or deleted entry.</summary>
public sealed class AuditChainVerifier(KernelDbContext db)
{
    public async Task<AuditVerification> VerifyAsync(CancellationToken cancellationToken)
    {
        var previousHash = AuditEntry.Genesis;
        var beforePreviousHash = (string?)null;
        long expected = 1, count = 0;
        await foreach (var entry in db.AuditEntries.AsNoTracking().OrderBy(e => e.Sequence).AsAsyncEnumerable().WithCancellation(cancellationToken))
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

        var head = await db.AuditHeads.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        if (head is not null && head.LastSequence > expected - 1)
            return new(count, AuditFault.Deleted, expected, $"entries from #{expected} to #{head.LastSequence} were deleted: the chain head records #{head.LastSequence}");
        if (head is not null && (head.LastSequence < expected - 1 || head.LastHash != previousHash))
            return new(count, AuditFault.Inserted, head.LastSequence + 1, $"entry #{head.LastSequence + 1} was inserted after the chain head #{head.LastSequence}");
        if (head is null && count > 0)
            return new(count, AuditFault.Inserted, 1, "entries exist but the chain head is missing");
        return new(count, AuditFault.None, null, null);
    }
}
