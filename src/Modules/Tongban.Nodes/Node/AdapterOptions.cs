namespace Tongban.Nodes.Node;

/// <summary>
/// <c>Nodes:Adapters:{service code}</c> on a provider node: how a service reaches the department's own system. The
/// node POSTs <c>{"key": …}</c> to <see cref="BaseAddress"/> + <see cref="Path"/> (the subject travels in the body, never
/// in a URL that ends up in an access log) and maps the answer's JSON to the service's data items.
/// </summary>
internal sealed class AdapterOptions
{
    public string BaseAddress { get; set; } = "";
    public string Path { get; set; } = "";
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The largest answer taken from the department system (1 MB); a larger one is a bad answer.</summary>
    public int MaxBytes { get; set; } = 1024 * 1024;

    /// <summary>Data item → dotted path of the value in the answer (<c>account.balance</c>). Only mapped items leave the node.</summary>
    public Dictionary<string, string> Items { get; set; } = [];
}
