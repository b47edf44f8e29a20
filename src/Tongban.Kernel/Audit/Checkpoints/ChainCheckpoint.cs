using System.Globalization;
using System.Text;
using Tongban.Kernel.Keys;

namespace Tongban.Kernel.Audit.Checkpoints;

/// <summary>
/// A signed statement that chain <see cref="Chain"/> had hash <see cref="HeadHash"/> at entry <see cref="Sequence"/>
/// at <see cref="SignedAt"/>, signed with a key kept outside the database (<see cref="KeyId"/>, <see cref="Algorithm"/>).
/// Whoever rewrites the chain before that entry must change its hash there, and cannot sign the new one.
/// <see cref="Timestamp"/>, when a timestamp service is configured, is its RFC 3161 token over the same bytes: proof
/// from outside that the checkpoint existed at that time.
/// </summary>
public sealed class ChainCheckpoint
{
    public required string Chain { get; init; }
    public long Sequence { get; init; }
    public required string HeadHash { get; init; }
    public DateTimeOffset SignedAt { get; init; }
    public required string Algorithm { get; init; }
    public required string KeyId { get; init; }

    /// <summary>The signature over <see cref="SignedBytes"/>, base64.</summary>
    public required string Signature { get; init; }

    /// <summary>The RFC 3161 timestamp token (DER) over <see cref="SignedBytes"/>, when one was obtained.</summary>
    public byte[]? Timestamp { get; init; }

    /// <summary>What is signed: a fixed label, the chain, the sequence, the head hash and the time (Unix milliseconds), one per line.</summary>
    public byte[] SignedBytes() => Message(Chain, Sequence, HeadHash, SignedAt);

    internal static ChainCheckpoint Sign(string chain, ChainPoint head, DateTimeOffset at, SigningKey key)
    {
        at = HashChain.ToMilliseconds(at);
        var message = Message(chain, head.Sequence, head.Hash, at);
        return new ChainCheckpoint
        {
            Chain = chain, Sequence = head.Sequence, HeadHash = head.Hash, SignedAt = at,
            Algorithm = key.Public.Algorithm, KeyId = key.Public.KeyId, Signature = Convert.ToBase64String(key.Sign(message)),
        };
    }

    internal ChainCheckpoint WithTimestamp(byte[] token) => new()
    {
        Chain = Chain, Sequence = Sequence, HeadHash = HeadHash, SignedAt = SignedAt, Algorithm = Algorithm, KeyId = KeyId, Signature = Signature, Timestamp = token,
    };

    private static byte[] Message(string chain, long sequence, string headHash, DateTimeOffset at) => Encoding.UTF8.GetBytes(string.Join('\n',
        "tongban-chain-checkpoint/1", chain, sequence.ToString(CultureInfo.InvariantCulture), headHash,
        at.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)));
}
