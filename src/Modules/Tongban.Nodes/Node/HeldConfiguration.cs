namespace Tongban.Nodes.Node;

/// <summary>The last good configuration a node verified (one row): kept so calls go on while the centre is down, until it expires.</summary>
internal sealed class HeldConfiguration
{
    public int Id { get; init; } = 1;
    public long Version { get; set; }
    public DateTimeOffset IssuedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }

    /// <summary>The signed envelope as received, so the node can show (and re-verify) what it acts on.</summary>
    public string Signed { get; set; } = "";

    public DateTimeOffset FetchedAt { get; set; }
}
