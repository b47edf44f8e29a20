using Microsoft.Extensions.Options;
using Tongban.Kernel.Keys;
using Tongban.Nodes.Contracts;

namespace Tongban.Nodes.Node;

/// <summary>The node's signing key, <c>node-signing</c> in the kernel's key directory: SM2 by default, P-256 by <c>Nodes:Algorithm</c>.</summary>
internal sealed class NodeKeys(SigningKeys keys, IOptions<NodesOptions> options) : INodeKeys
{
    public const string KeyName = "node-signing";

    public SigningKey Current() => keys.GetOrCreate(KeyName, options.Value.Algorithm);

    public PublicSigningKey PublicKey() => Current().Public;
}
