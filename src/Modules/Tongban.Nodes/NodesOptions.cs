using Tongban.Kernel.Keys;

namespace Tongban.Nodes;

/// <summary>Section <c>Nodes</c>: the directory's and a node's settings (ADR 0014).</summary>
internal sealed class NodesOptions
{
    public const string Section = "Nodes";

    /// <summary>Signature algorithm of a new node key or directory key: SM2 (with SM3, GB/T 32918) by default, or P-256.</summary>
    public string Algorithm { get; set; } = SignatureSchemes.Sm2;

    /// <summary>How long a published configuration may be acted on without a newer one.</summary>
    public TimeSpan ConfigurationLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How long a node's registered key is good for; the operations page flags it 30 days before (ADR 0014).</summary>
    public TimeSpan KeyLifetime { get; set; } = TimeSpan.FromDays(365);

    /// <summary>On the centre: a node last seen (a signed report with its configuration fetch) within this window counts as up.</summary>
    public TimeSpan UpWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>This node's member (credit code) and code: its id is <c>{Member}/{Code}</c>.</summary>
    public string Member { get; set; } = "";

    public string Code { get; set; } = "";

    /// <summary>The centre's address, where the node fetches its configuration.</summary>
    public string DirectoryAddress { get; set; } = "";

    /// <summary>The centre's public key (PEM file) the configuration must verify under: the node's anchor.</summary>
    public string AnchorFile { get; set; } = "";

    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often a node sends its message log's head to the centre for a stamp (<c>tongban-node-log-stamp/1</c>); zero turns it off.</summary>
    public TimeSpan StampInterval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Whether this node may talk plain http to another node at a loopback address (tests and development); https with the pinned certificate otherwise.</summary>
    public bool AllowPlainHttpOnLoopback { get; set; }

    /// <summary>How far a message's time may be from the receiving node's clock; seen message ids are kept twice as long.</summary>
    public TimeSpan MaxClockSkew { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How often a node looks for pushes due for delivery (store-and-forward); zero turns the sender off. A new push is tried at once.</summary>
    public TimeSpan PushInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The wait after a push's first failed attempt; it doubles with each further failure, up to <see cref="PushRetryMax"/>.</summary>
    public TimeSpan PushRetryFirst { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan PushRetryMax { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>A push not delivered this long after it was queued is given up (<c>node.push_expired</c>).</summary>
    public TimeSpan PushMaxAge { get; set; } = TimeSpan.FromDays(3);

    /// <summary>How long an access token from the node's token endpoint (<c>POST /node/token</c>) is good for.</summary>
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>The member's systems allowed to call this node (<see cref="Node.NodeClients"/>).</summary>
    public List<Node.NodeClientOptions> Clients { get; set; } = [];

    /// <summary>On a provider node: how each service reaches the department's own system, by service code.</summary>
    public Dictionary<string, Node.AdapterOptions> Adapters { get; set; } = [];

    /// <summary>On the platform: its own node, through which applications read departments' systems (ADR 0014: an ordinary node of the city's member).</summary>
    public PlatformNodeOptions Platform { get; set; } = new();

    public string NodeId => $"{Member.Trim().ToUpperInvariant()}/{Code.Trim()}";
}

/// <summary>
/// Section <c>Nodes:Platform</c>: the platform's own node's address and the client the platform is there
/// (<c>Nodes:Clients</c> on that node). Without an address the platform reads no department's system, and a material
/// that would come from one is uploaded instead.
/// </summary>
internal sealed class PlatformNodeOptions
{
    public string NodeAddress { get; set; } = "";
    public string ClientId { get; set; } = "";
    public string ClientSecret { get; set; } = "";

    /// <summary>How long the platform waits for its node's answer (the provider node's adapter has its own, shorter limit).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(15);
}
