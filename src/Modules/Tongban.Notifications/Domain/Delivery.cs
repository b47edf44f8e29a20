namespace Tongban.Notifications.Domain;

internal enum DeliveryStatus
{
    Sent = 1,
    Failed = 2,
    Skipped = 3,
}

/// <summary>
/// One notice on one channel (发送记录): the event, the channel, the recipient as it may be shown (a masked phone or
/// e-mail, or the account id), the template used, and how it went. One row per outbox message and channel, so a
/// retry of the message updates the row instead of sending again what went.
/// </summary>
internal sealed class Delivery
{
    private Delivery() { }

    public DeliveryId Id { get; private set; }
    public Guid SourceId { get; private set; }
    public string Event { get; private set; } = "";
    public string CaseNumber { get; private set; } = "";
    public string Channel { get; private set; } = "";
    public string Recipient { get; private set; } = "";
    public string Template { get; private set; } = "";
    public DeliveryStatus Status { get; private set; }
    public string? Reason { get; private set; }
    public int Attempts { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Nothing more to do: sent, or nothing to send to.</summary>
    public bool Done => Status is DeliveryStatus.Sent or DeliveryStatus.Skipped;

    public static Delivery Start(Guid sourceId, string @event, string caseNumber, string channel, string recipient, string template, DateTimeOffset at) => new()
    {
        Id = DeliveryId.New(), SourceId = sourceId, Event = @event, CaseNumber = caseNumber, Channel = channel,
        Recipient = recipient, Template = template, Status = DeliveryStatus.Failed, CreatedAt = at, UpdatedAt = at,
    };

    public void Succeed(DateTimeOffset at) => Settle(DeliveryStatus.Sent, null, at);

    public void Fail(string reason, DateTimeOffset at) => Settle(DeliveryStatus.Failed, reason.Length > 500 ? reason[..500] : reason, at);

    public void Skip(string reason, DateTimeOffset at)
    {
        Status = DeliveryStatus.Skipped;
        Reason = reason;
        UpdatedAt = at;
    }

    private void Settle(DeliveryStatus status, string? reason, DateTimeOffset at)
    {
        Attempts++;
        Status = status;
        Reason = reason;
        UpdatedAt = at;
    }
}
