namespace Tongban.Nodes.Contracts;

/// <summary>
/// The verdict on a node's message log against the centre's stamps: intact or not, how many entries were walked and how
/// many stamps (the node's own and the centre's copies, each verified under the anchor) were compared; when broken, the
/// kernel's fault (<c>altered</c>, <c>inserted</c>, <c>deleted</c>, <c>rewritten</c>, <c>untrustedcheckpoint</c>), the
/// first entry that cannot be trusted, and a bilingual sentence.
/// </summary>
public sealed record NodeLogCheck(bool Intact, long EntriesChecked, int StampsChecked, long? LastStampedSequence, int StampsHeld, int StampsFromCentre,
    bool CentreReached, int StampsUntrusted, string? Fault, long? FaultSequence, string Chinese, string English);

/// <summary>A node's message log (node role): its head stamped by the centre, and checked against the stamps.</summary>
public interface INodeLog
{
    /// <summary>Asks the centre to stamp the log's head now; the stamp, or null when there is nothing new to stamp or the centre did not give one.</summary>
    Task<LogStamp?> StampNowAsync(CancellationToken cancellationToken);

    /// <summary>Walks the whole log against every stamp held here and every stamp the centre answers for this node.</summary>
    Task<NodeLogCheck> VerifyAsync(CancellationToken cancellationToken);
}
