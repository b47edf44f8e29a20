using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tongban.Kernel.Errors;
using Tongban.Kernel.Keys;
using Tongban.Nodes.Contracts;
using Tongban.Nodes.Data;
using Tongban.Sharing.Contracts;

namespace Tongban.Nodes.Directory;

/// <summary>The central directory: registrations checked and stored, the configuration published and signed.</summary>
internal sealed class NodeDirectory(NodesDbContext db, IDataGrants grants, ConfigurationPublisher publisher, SigningKeys keys,
    TimeProvider clock, IOptions<NodesOptions> options) : INodeDirectory
{
    public async Task<string> AddNodeAsync(NodeRegistration r, CancellationToken cancellationToken)
    {
        var node = DirectoryNode.Register(r, options.Value.KeyLifetime, clock.GetUtcNow());
        if (await db.Nodes.AnyAsync(n => n.Id == node.Id, cancellationToken)) throw new DomainException(NodeErrors.NodeExists(node.Id));
        db.Nodes.Add(node);
        await db.SaveChangesAsync(cancellationToken);
        return node.Id;
    }

    public async Task AddServiceAsync(ServiceRegistration r, CancellationToken cancellationToken)
    {
        var service = DirectoryService.Register(r.Provider, r.Code, r.Version, r.Title, r.Resource, r.Items, clock.GetUtcNow());
        if (!await db.Nodes.AnyAsync(n => n.Member == service.Provider, cancellationToken)) throw new DomainException(NodeErrors.NoMemberNode(service.Provider));
        if (await grants.FindPublishedResourceAsync(service.Resource, cancellationToken) is not { } resource || resource.ProviderDepartment != service.Provider)
            throw new DomainException(NodeErrors.UnknownResource(service.Resource));
        if (await db.Services.AnyAsync(s => s.Provider == service.Provider && s.Code == service.Code, cancellationToken))
            throw new DomainException(NodeErrors.ServiceExists(service.Code));
        db.Services.Add(service);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<string> UpdateKeyAsync(string nodeId, string publicKeyPem, CancellationToken cancellationToken)
    {
        var id = nodeId.Trim();
        var node = await db.Nodes.SingleOrDefaultAsync(n => n.Id == id, cancellationToken) ?? throw new DomainException(NodeErrors.UnknownNode(id));
        node.ReplaceKey(publicKeyPem, options.Value.KeyLifetime, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return node.KeyId;
    }

    public Task<JsonObject> PublishAsync(CancellationToken cancellationToken) => publisher.PublishAsync(cancellationToken);

    public PublicSigningKey Anchor() => keys.GetOrCreate(ConfigurationPublisher.KeyName, options.Value.Algorithm).Public;
}
