using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Tongban.Kernel.Audit;

namespace Tongban.Nodes.Node;

/// <summary>
/// One message a node sent or received, or refused: the signed header and its signature and the outcome, never the
/// body and never an ID number (the subject is an HMAC digest in the header). Entries form the kernel hash chain
/// <c>nodes.message-log</c>: each hash covers the entry and its predecessor's hash, and the kernel's checkpoints sign the head.
/// </summary>
internal sealed class MessageLogEntry : IChainLink
{
    public const string ChainName = "nodes.message-log";

    public long Sequence { get; init; }
    public DateTimeOffset At { get; init; }

    /// <summary><c>sent</c>, <c>received</c>, <c>response-sent</c> or <c>response-received</c>.</summary>
    public required string Direction { get; init; }

    public Guid MessageId { get; init; }
    public required string Sender { get; init; }
    public required string Recipient { get; init; }
    public required string Service { get; init; }

    /// <summary>The signed header's canonical JSON (purpose, on-whose-behalf, subject and body digests; no body, no ID number).</summary>
    public required string Header { get; init; }

    public required string Signature { get; init; }

    /// <summary><c>ok</c> or the reason code of a refusal (<c>node.signature_invalid</c> …).</summary>
    public required string Outcome { get; init; }

    public string PreviousHash { get; init; } = HashChain.Genesis;
    public string Hash { get; private set; } = "";

    public MessageLogEntry Seal()
    {
        Hash = ComputeHash();
        return this;
    }

    public string ComputeHash()
    {
        var canonical = string.Join('\u001f', At.UtcTicks.ToString(CultureInfo.InvariantCulture), Direction, MessageId.ToString("N"), Sender, Recipient,
            Service, Header, Signature, Outcome, PreviousHash);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }
}

/// <summary>The message log's head (one row), moved with every append.</summary>
internal sealed class MessageLogHead : IChainHead
{
    public int Id { get; set; } = 1;
    public long LastSequence { get; set; }
    public string LastHash { get; set; } = HashChain.Genesis;
}

/// <summary>A message id the provider node has accepted, kept for twice the clock skew: the same id again is a replay.</summary>
internal sealed class SeenMessage
{
    public Guid MessageId { get; init; }
    public required string Sender { get; init; }
    public DateTimeOffset SeenAt { get; init; }
}
