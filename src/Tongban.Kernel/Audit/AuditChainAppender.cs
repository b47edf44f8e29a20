using Microsoft.EntityFrameworkCore;
using Tongban.Kernel.Data;
using Tongban.Kernel.Outbox;

namespace Tongban.Kernel.Audit;

/// <summary>
/// Appends audit records to the chain, serialised by locking its head (<see cref="HashChain.LockHeadAsync{THead}"/>).
/// Idempotent by source message id, so a redelivered message adds nothing.
/// </summary>
internal sealed class AuditChainAppender(KernelDbContext db, TimeProvider clock) : IOutboxHandler
{
    public string MessageType => AuditRecord.MessageType;

    public async Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var record = message.Read<AuditRecord>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var (lastSequence, lastHash) = await HashChain.LockHeadAsync<AuditHead>(db, cancellationToken);
        if (await db.AuditEntries.AnyAsync(e => e.SourceMessageId == message.Id, cancellationToken)) return;

        var entry = AuditEntry.Append(lastSequence + 1, lastHash, record, message.Id, clock.GetUtcNow());
        db.AuditEntries.Add(entry);
        await db.SaveChangesAsync(cancellationToken);
        await HashChain.MoveHeadAsync<AuditHead>(db, entry.Sequence, entry.Hash, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
