namespace Tongban.Nodes.Data;

/// <summary>
/// A push queued on the provider node (store-and-forward, ADR 0014): the message as it will be signed at each attempt —
/// id, recipient node, service, purpose, on-whose-behalf, subject digest and the body's exact text — and how its delivery
/// goes: <c>pending</c> (with its attempts, the next one and the last reason it failed), <c>delivered</c> (with the
/// recipient's signed receipt) or <c>failed</c> (refused for good, or not delivered within <c>Nodes:PushMaxAge</c>).
/// </summary>
internal sealed class OutgoingPush
{
    public const string Pending = "pending";
    public const string Delivered = "delivered";
    public const string Failed = "failed";

    public Guid MessageId { get; init; }
    public required string Recipient { get; init; }
    public required string RecipientMember { get; init; }
    public required string Service { get; init; }
    public required string ServiceVersion { get; init; }
    public required string Purpose { get; init; }
    public required string OnBehalfOf { get; init; }
    public required string SubjectDigest { get; init; }
    public required string Body { get; set; }
    public DateTimeOffset QueuedAt { get; init; }
    public string State { get; set; } = Pending;
    public int Attempts { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public string? LastError { get; set; }
    public DateTimeOffset? DoneAt { get; set; }
    public string? Receipt { get; set; }
}

/// <summary>
/// A push this node received for its member's systems: kept by message id, so the same message again (a retry whose
/// receipt was lost) is answered with the same receipt and kept once. The body stays until a system acknowledges it,
/// then only the id, digests and receipt remain.
/// </summary>
internal sealed class InboxMessage
{
    public Guid MessageId { get; init; }
    public required string Sender { get; init; }
    public required string Service { get; init; }
    public required string SubjectDigest { get; init; }
    public required string BodyDigest { get; init; }
    public string? Body { get; set; }
    public DateTimeOffset ReceivedAt { get; init; }
    public DateTimeOffset? AcknowledgedAt { get; set; }
    public required string Receipt { get; init; }
}
