using System.Text.Json;

namespace Tongban.Kernel.Outbox;

public enum OutboxStatus
{
    Pending = 0,
    Processed = 1,
    Dead = 2,
}

/// <summary>
/// A message written in the same transaction as the change it announces, then delivered by
/// <see cref="OutboxDispatcher"/>: at least once, and never by two dispatchers at the same time.
/// Handlers use <see cref="Id"/> to stay idempotent across a crash between handling and marking.
/// </summary>
public sealed class OutboxMessage
{
    private OutboxMessage() { }

    public Guid Id { get; private set; }
    public string Type { get; private set; } = "";
    public string Payload { get; private set; } = "";
    public DateTimeOffset OccurredAt { get; private set; }
    public OutboxStatus Status { get; internal set; }
    public int Attempts { get; internal set; }
    public DateTimeOffset NextAttemptAt { get; internal set; }
    public Guid? LockToken { get; internal set; }
    public DateTimeOffset? LockedUntil { get; internal set; }
    public DateTimeOffset? ProcessedAt { get; internal set; }
    public string? LastError { get; internal set; }

    public static OutboxMessage Create<T>(string type, T payload, DateTimeOffset at) => new()
    {
        Id = Guid.CreateVersion7(at),
        Type = type,
        Payload = JsonSerializer.Serialize(payload, JsonOptions),
        OccurredAt = at,
        NextAttemptAt = at,
        Status = OutboxStatus.Pending,
    };

    public T Read<T>() => JsonSerializer.Deserialize<T>(Payload, JsonOptions)
        ?? throw new InvalidOperationException($"Outbox message {Id} of type {Type} has an empty payload.");

    internal static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);
}
