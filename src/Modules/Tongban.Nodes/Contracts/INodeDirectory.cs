using System.Text.Json.Nodes;
using Tongban.Kernel.Keys;

namespace Tongban.Nodes.Contracts;

/// <summary>An operator's registration of a member's node (<c>tongban node add</c>).</summary>
public sealed record NodeRegistration(string Member, string Code, string Address, string PublicKeyPem, string TlsFingerprint);

/// <summary>An operator's registration of a service a provider member offers through its nodes.</summary>
public sealed record ServiceRegistration(string Provider, string Code, string Version, string Title, string Resource, IReadOnlyList<string> Items);

/// <summary>The central directory (platform role): who runs nodes, which services they offer, and the signed configuration.</summary>
public interface INodeDirectory
{
    /// <summary>Registers a node; returns its id, <c>{member}/{code}</c>.</summary>
    Task<string> AddNodeAsync(NodeRegistration registration, CancellationToken cancellationToken);

    Task AddServiceAsync(ServiceRegistration registration, CancellationToken cancellationToken);

    /// <summary>The current configuration, signed (a new version when anything in it changed, grants included).</summary>
    Task<JsonObject> PublishAsync(CancellationToken cancellationToken);

    /// <summary>The centre's public key that nodes hold as their anchor (made on first use).</summary>
    PublicSigningKey Anchor();
}

/// <summary>A node's own signing key (node role), <c>node-signing</c> in the kernel's key directory.</summary>
public interface INodeKeys
{
    PublicSigningKey PublicKey();
}
