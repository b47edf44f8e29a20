using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Tongban.Kernel.Data;
using Tongban.Kernel.Outbox;

namespace Tongban.Kernel.Audit;

/// <summary>
/// Appends audit records to the chain, serialised by locking its head (<see cref="HashChain.Head{THead}"/>).
/// Idempotent by source message id, so a redelivered message adds nothing.
/// </summary>
internal sealed class AuditChainAppender(KernelDbContext db, TimeProvider clock) : IOutboxHandler
{
    public string MessageType => AuditRecord.MessageType;

    public async Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var record = message.Read<AuditRecord>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await using var head = HashChain.Head<AuditHead>(db);
        var (lastSequence, lastHash) = await head.LockAsync(transaction.GetDbTransaction(), cancellationToken);
        if (await db.AuditEntries.AnyAsync(e => e.SourceMessageId == message.Id, cancellationToken)) return;

        var entry = AuditEntry.Append(lastSequence + 1, lastHash, record, message.Id, clock.GetUtcNow());
        db.AuditEntries.Add(entry);
        await db.SaveChangesAsync(cancellationToken);
        await head.MoveAsync(transaction.GetDbTransaction(), entry.Sequence, entry.Hash, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
