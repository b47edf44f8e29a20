using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tongban.Kernel.Audit;
using Tongban.Kernel.Keys;
using Tongban.Nodes.Contracts;
using Tongban.Nodes.Data;
using Tongban.Sharing.Contracts;

namespace Tongban.Nodes.Directory;

/// <summary>
/// Builds <c>tongban-node-configuration/1</c> from the directory and the sharing module's live grants and signs it with
/// the kernel key <c>directory-configuration</c>. The version rises only when the content changed (a node, a service,
/// a grant): the content's digest is kept beside each version, and a race between instances ends on the unique version.
/// </summary>
internal sealed class ConfigurationPublisher(NodesDbContext db, IDataGrants grants, SigningKeys keys, TimeProvider clock, IOptions<NodesOptions> options)
{
    public const string KeyName = "directory-configuration";

    public async Task<JsonObject> PublishAsync(CancellationToken cancellationToken)
    {
        var nodes = await db.Nodes.AsNoTracking().OrderBy(n => n.Id)
            .Select(n => new NodeEntry(n.Id, n.Member, n.Code, n.Address, n.PublicKeyPem, n.TlsFingerprint)).ToListAsync(cancellationToken);
        var services = (await db.Services.AsNoTracking().ToListAsync(cancellationToken))
            .OrderBy(s => s.Provider, StringComparer.Ordinal).ThenBy(s => s.Code, StringComparer.Ordinal)
            .Select(s => new ServiceEntry(s.Provider, s.Code, s.Version, s.Title, s.Resource, s.Items)).ToList();
        var offered = services.Select(s => s.Resource).ToHashSet(StringComparer.Ordinal);
        var rights = (await grants.ListLiveGrantsAsync(cancellationToken)).Where(g => offered.Contains(g.ResourceCode))
            .Select(g => new AccessRight(g.ConsumerDepartment, g.ResourceCode, g.Fields, g.Purpose, g.ValidUntil)).ToList();
        var version = await VersionOfAsync(Digest(nodes, services, rights), cancellationToken);
        var now = HashChain.ToMilliseconds(clock.GetUtcNow());
        var configuration = new NodeConfiguration(NodeConfiguration.FormatName, version, now, now + options.Value.ConfigurationLifetime, nodes, services, rights);
        return SignedDocument.Sign(configuration, keys.GetOrCreate(KeyName, options.Value.Algorithm));
    }

    private static string Digest(object nodes, object services, object rights) => Convert.ToHexStringLower(SHA256.HashData(CanonicalJson.Serialize(
        new JsonObject
        {
            ["nodes"] = JsonSerializer.SerializeToNode(nodes, SignedDocument.Json),
            ["services"] = JsonSerializer.SerializeToNode(services, SignedDocument.Json),
            ["rights"] = JsonSerializer.SerializeToNode(rights, SignedDocument.Json),
        })));

    private async Task<long> VersionOfAsync(string digest, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var latest = await db.PublishedVersions.AsNoTracking().OrderByDescending(v => v.Version).FirstOrDefaultAsync(cancellationToken);
            if (latest?.ContentDigest == digest) return latest.Version;
            var next = new PublishedVersion { Version = (latest?.Version ?? 0) + 1, ContentDigest = digest, PublishedAt = clock.GetUtcNow() };
            db.PublishedVersions.Add(next);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return next.Version;
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                db.ChangeTracker.Clear(); // another instance published the same version first: read again
            }
        }
    }
}
