namespace Tongban.Nodes.Data;

/// <summary>
/// One row of operational monitoring (<see cref="Contracts.ServiceCount"/>) for a node: on a node its own counts, on the
/// centre what each node last reported. One table in both roles; the key is node, day, side, service and outcome.
/// </summary>
internal sealed class OperationCount
{
    public string Node { get; init; } = "";
    public DateOnly Day { get; init; }
    public string Side { get; init; } = "";
    public string Service { get; init; } = "";
    public string Outcome { get; init; } = "";
    public long Calls { get; set; }
    public long TotalMilliseconds { get; set; }
    public long MaxMilliseconds { get; set; }
}
