namespace Tongban.Nodes.Contracts;

/// <summary>
/// <c>tongban-node-configuration/1</c>: what the centre tells every node — the nodes with their keys and addresses,
/// the services and the access rights derived from the sharing module's live grants. Signed by the centre's kernel
/// key <c>directory-configuration</c> over its RFC 8785 canonical form (<see cref="SignedDocument"/>).
/// </summary>
public sealed record NodeConfiguration(string Format, long Version, DateTimeOffset IssuedAt, DateTimeOffset ExpiresAt,
    IReadOnlyList<NodeEntry> Nodes, IReadOnlyList<ServiceEntry> Services, IReadOnlyList<AccessRight> Rights)
{
    public const string FormatName = "tongban-node-configuration/1";

    public NodeEntry? Node(string id) => Nodes.FirstOrDefault(n => n.Id == id);

    public ServiceEntry? Service(string provider, string code) => Services.FirstOrDefault(s => s.Provider == provider && s.Code == code);

    /// <summary>
    /// The consumer member's live right to a service for a purpose (null: for any purpose, the first), if it has one today;
    /// a member may hold grants of one resource for several purposes, and a call is for one of them.
    /// </summary>
    public AccessRight? Right(string consumer, ServiceEntry service, string? purpose, DateOnly today) =>
        Rights.FirstOrDefault(r => r.Consumer == consumer && r.Resource == service.Resource && (purpose is null || r.Purpose == purpose) && r.ValidUntil >= today);
}

/// <summary>A node: <c>{member}/{code}</c>, its address, its signing key and the SHA-256 fingerprint of its TLS certificate.</summary>
public sealed record NodeEntry(string Id, string Member, string Code, string Address, string PublicKeyPem, string TlsFingerprint);

/// <summary>A service a provider member offers through its nodes, the sharing resource it belongs to and the data items it returns.</summary>
public sealed record ServiceEntry(string Provider, string Code, string Version, string Title, string Resource, IReadOnlyList<string> Items);

/// <summary>A consumer member's right to a resource's items for a purpose, until a day (from a live sharing grant).</summary>
public sealed record AccessRight(string Consumer, string Resource, IReadOnlyList<string> Items, string Purpose, DateOnly ValidUntil);
