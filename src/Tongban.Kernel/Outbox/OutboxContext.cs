using Microsoft.EntityFrameworkCore;
using Tongban.Kernel.Audit;

namespace Tongban.Kernel.Outbox;

/// <summary>A module DbContext that carries its own outbox table ({prefix}_outbox_messages).</summary>
public interface IOutboxContext
{
    DbSet<OutboxMessage> OutboxMessages { get; }
}

public static class OutboxContextExtensions
{
    public static void MapOutbox(this ModelBuilder builder) => builder.Entity<OutboxMessage>(e =>
    {
        e.ToTable("outbox_messages");
        e.HasKey(m => m.Id);
        e.Property(m => m.Type).HasMaxLength(100);
        e.Property(m => m.LastError).HasMaxLength(2000);
        e.HasIndex(m => new { m.Status, m.NextAttemptAt });
    });

    /// <summary>Adds a message to be sent once this context's <c>SaveChangesAsync</c> commits.</summary>
    public static void Publish<T>(this IOutboxContext context, string type, T payload, DateTimeOffset at) =>
        context.OutboxMessages.Add(OutboxMessage.Create(type, payload, at));

    /// <summary>
    /// Records an audit entry atomically with the change: it travels through the outbox and is chained
    /// by <see cref="AuditChainAppender"/>. <paramref name="subject"/> must already be masked.
    /// </summary>
    public static void Audit(this IOutboxContext context, AuditRecord record) =>
        context.Publish(AuditRecord.MessageType, record, record.OccurredAt);
}
