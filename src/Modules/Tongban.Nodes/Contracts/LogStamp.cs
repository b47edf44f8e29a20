namespace Tongban.Nodes.Contracts;

/// <summary>
/// <c>tongban-node-log-head/1</c>: a node's request for a stamp — its message log's head (the last entry's sequence and
/// hash) and when it sent this, signed by the node's key (<see cref="SignedDocument"/>), like its report.
/// </summary>
public sealed record LogHead(string Format, string Node, DateTimeOffset SentAt, long Sequence, string Hash)
{
    public const string FormatName = "tongban-node-log-head/1";
}

/// <summary>
/// <c>tongban-node-log-stamp/1</c>: the centre's signature, under its anchor key <c>directory-configuration</c>, that a
/// node's message log had this hash at this sequence at this time (ADR 0014, "Message log"). The centre keeps a copy and
/// the node keeps the stamps it got: a node that rewrites its log below a stamped sequence no longer matches the stamp.
/// </summary>
public sealed record LogStamp(string Format, string Node, long Sequence, string Hash, DateTimeOffset StampedAt)
{
    public const string FormatName = "tongban-node-log-stamp/1";
}
