using Microsoft.EntityFrameworkCore;
using Tongban.Kernel.Data;
using Tongban.Kernel.Outbox;

namespace Tongban.Kernel.Audit;

/// <summary>
/// Appends audit records to the chain. Appends are serialised by locking the head row: PostgreSQL
/// takes a row lock (SELECT … FOR UPDATE), SQLite holds its single write lock for the transaction.
/// Idempotent by source message id, so a redelivered message adds nothing.
/// </summary>
internal sealed class AuditChainAppender(KernelDbContext db, TimeProvider clock) : IOutboxHandler
{
    public string MessageType => AuditRecord.MessageType;

    public async Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var record = message.Read<AuditRecord>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var head = await LockHeadAsync(cancellationToken);
        if (await db.AuditEntries.AnyAsync(e => e.SourceMessageId == message.Id, cancellationToken)) return;

        var entry = AuditEntry.Append(head.LastSequence + 1, head.LastHash, record, message.Id, clock.GetUtcNow());
        db.AuditEntries.Add(entry);
        head.LastSequence = entry.Sequence;
        head.LastHash = entry.Hash;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private async Task<AuditHead> LockHeadAsync(CancellationToken ct)
    {
        if (db.Database.IsNpgsql())
        {
            var head = await db.AuditHeads.FromSql($"SELECT * FROM kernel_audit_heads WHERE id = 1 FOR UPDATE").SingleOrDefaultAsync(ct);
            if (head is not null) return head;
        }
        else
        {
            // Take SQLite's write lock now, not at the first INSERT, so two appenders cannot read the same head.
            await db.Database.ExecuteSqlRawAsync("UPDATE kernel_audit_heads SET id = id WHERE id = 1", ct);
            var existing = await db.AuditHeads.SingleOrDefaultAsync(h => h.Id == 1, ct);
            if (existing is not null) return existing;
        }
        var created = new AuditHead();
        db.AuditHeads.Add(created);
        return created;
    }
}
