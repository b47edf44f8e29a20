using Microsoft.Extensions.Options;
using Tongban.Kernel.Keys;
using Tongban.Nodes.Contracts;

namespace Tongban.Nodes.Node;

/// <summary>The node's signing key, <c>node-signing</c> in the kernel's key directory: SM2 by default, P-256 by <c>Nodes:Algorithm</c>.</summary>
internal sealed class NodeKeys(SigningKeys keys, IOptions<NodesOptions> options, TimeProvider clock) : INodeKeys
{
    public const string KeyName = "node-signing";

    public SigningKey Current() => keys.GetOrCreate(KeyName, options.Value.Algorithm);

    public PublicSigningKey PublicKey() => Current().Public;

    /// <summary>The kernel's rotation (as the checkpoint key's): the old public key stays trusted, the next use makes a new key.</summary>
    public PublicSigningKey Rotate()
    {
        keys.Retire(KeyName, clock.GetUtcNow());
        return PublicKey();
    }

    /// <summary>Every key this node has signed with, the retired ones included: its own old log entries verify under them.</summary>
    public IReadOnlyList<PublicSigningKey> Trusted() => keys.Trusted(KeyName);
}
