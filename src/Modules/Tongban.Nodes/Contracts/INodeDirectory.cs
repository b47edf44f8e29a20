using System.Text.Json.Nodes;
using Tongban.Kernel.Keys;

namespace Tongban.Nodes.Contracts;

/// <summary>An operator's registration of a member's node (<c>tongban node add</c>); the TLS certificate's expiry when the operator gave the certificate.</summary>
public sealed record NodeRegistration(string Member, string Code, string Address, string PublicKeyPem, string TlsFingerprint, DateTimeOffset? TlsExpiresAt = null);

/// <summary>An operator's registration of a service a provider member offers through its nodes.</summary>
public sealed record ServiceRegistration(string Provider, string Code, string Version, string Title, string Resource, IReadOnlyList<string> Items);

/// <summary>The central directory (platform role): who runs nodes, which services they offer, and the signed configuration.</summary>
public interface INodeDirectory
{
    /// <summary>Registers a node; returns its id, <c>{member}/{code}</c>.</summary>
    Task<string> AddNodeAsync(NodeRegistration registration, CancellationToken cancellationToken);

    Task AddServiceAsync(ServiceRegistration registration, CancellationToken cancellationToken);

    /// <summary>Publishes a node's new public key after it rotated its own (<c>tongban node update-key</c>); returns the new key's id.</summary>
    Task<string> UpdateKeyAsync(string nodeId, string publicKeyPem, CancellationToken cancellationToken);

    /// <summary>The current configuration, signed (a new version when anything in it changed, grants included).</summary>
    Task<JsonObject> PublishAsync(CancellationToken cancellationToken);

    /// <summary>The centre's public key that nodes hold as their anchor (made on first use).</summary>
    PublicSigningKey Anchor();
}

/// <summary>A node's own signing key (node role), <c>node-signing</c> in the kernel's key directory.</summary>
public interface INodeKeys
{
    PublicSigningKey PublicKey();

    /// <summary>
    /// Retires the current key (its public half stays, so old log entries keep verifying) and makes a new one
    /// (<c>tongban node rotate-key</c>); returns the new public key, for the centre's operator.
    /// </summary>
    PublicSigningKey Rotate();
}
