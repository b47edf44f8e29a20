namespace Tongban.Nodes.Data;

/// <summary>
/// A log stamp (<see cref="Contracts.LogStamp"/>) as kept: at the centre a copy of every stamp it signed, on a node the
/// stamps it got for its own log. One table in both roles, keyed by node and sequence; <see cref="Signed"/> is the
/// signed envelope as issued, so it can be verified again under the anchor at any time.
/// </summary>
internal sealed class StoredLogStamp
{
    public required string Node { get; init; }
    public long Sequence { get; init; }
    public required string Hash { get; init; }
    public DateTimeOffset StampedAt { get; init; }
    public required string Signed { get; init; }
}
