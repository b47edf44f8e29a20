namespace Tongban.Kernel.Outbox;

/// <summary>Consumes one message type. Must be idempotent by <see cref="OutboxMessage.Id"/>: delivery is at least once.</summary>
public interface IOutboxHandler
{
    string MessageType { get; }

    Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken);
}
