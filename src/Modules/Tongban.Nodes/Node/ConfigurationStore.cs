using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Tongban.Kernel.Audit;
using Tongban.Kernel.Errors;
using Tongban.Kernel.Keys;
using Tongban.Nodes.Contracts;
using Tongban.Nodes.Data;

namespace Tongban.Nodes.Node;

/// <summary>
/// The node's last good configuration. A document is taken only when it verifies under the anchor (the centre's public
/// key the node was given at registration) and is newer than the one held — a higher version, or the same version
/// issued later (a refresh that extends the expiry). Anything else is kept out and the held one stays. Past its expiry
/// the node stops acting on it: rights it cannot refresh for a day are not rights any more.
/// </summary>
internal sealed class ConfigurationStore(IServiceScopeFactory scopes, IOptions<NodesOptions> options, TimeProvider clock)
{
    private volatile NodeConfiguration? _held;

    public async Task<NodeConfiguration> AcceptAsync(string signed, CancellationToken cancellationToken)
    {
        var configuration = SignedDocument.Verify<NodeConfiguration>(SignedDocument.Parse(signed), [Anchor()]);
        if (configuration is not { Format: NodeConfiguration.FormatName }) throw new DomainException(NodeErrors.ConfigurationSignatureInvalid);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NodesDbContext>();
        var held = await db.HeldConfigurations.SingleOrDefaultAsync(cancellationToken);
        // Instants are compared to the millisecond: the held row keeps no finer (and the centre issues no finer).
        if (held is not null && (configuration.Version < held.Version
                                 || (configuration.Version == held.Version && HashChain.ToMilliseconds(configuration.IssuedAt) <= HashChain.ToMilliseconds(held.IssuedAt))))
            throw new DomainException(NodeErrors.ConfigurationOlder(configuration.Version, held.Version));
        if (held is null) db.HeldConfigurations.Add(held = new HeldConfiguration());
        (held.Version, held.IssuedAt, held.ExpiresAt, held.Signed, held.FetchedAt) =
            (configuration.Version, configuration.IssuedAt, configuration.ExpiresAt, signed, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return _held = configuration;
    }

    /// <summary>The configuration to act on now; refused when there is none yet or it has expired.</summary>
    public async Task<NodeConfiguration> CurrentAsync(CancellationToken cancellationToken)
    {
        var configuration = _held ??= await LoadAsync(cancellationToken) ?? throw new DomainException(NodeErrors.NoConfiguration);
        if (clock.GetUtcNow() >= configuration.ExpiresAt) throw new DomainException(NodeErrors.ConfigurationExpired);
        return configuration;
    }

    /// <summary>The configuration last taken or loaded, without waiting (the TLS check of a connection the node opens after acting on it), or null.</summary>
    public NodeConfiguration? Loaded => _held;

    /// <summary>The held configuration whether or not it has expired (the node's status page), or null.</summary>
    public async Task<NodeConfiguration?> HeldAsync(CancellationToken cancellationToken) => _held ??= await LoadAsync(cancellationToken);

    // What was stored was verified when it came; it is read back as it is (the key directory may hold a newer anchor).
    private async Task<NodeConfiguration?> LoadAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NodesDbContext>();
        var held = await db.HeldConfigurations.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        return held is null ? null : SignedDocument.Parse(held.Signed)?["document"]?.Deserialize<NodeConfiguration>(SignedDocument.Json);
    }

    /// <summary>The centre's public key from <c>Nodes:AnchorFile</c>: configurations and log stamps verify under it.</summary>
    public PublicSigningKey Anchor()
    {
        var file = options.Value.AnchorFile;
        if (string.IsNullOrWhiteSpace(file) || !File.Exists(file)) throw new DomainException(NodeErrors.NoAnchor);
        return PublicSigningKey.FromPem(File.ReadAllText(file));
    }

}
