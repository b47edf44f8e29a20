using Microsoft.Extensions.Configuration;

namespace Tongban.Nodes.Contracts;

/// <summary>
/// <c>Tongban:Role</c>: <c>platform</c> (the default) runs every module and the central directory of nodes;
/// <c>node</c> runs a department's exchange node (前置机) with the kernel and this module only (ADR 0014).
/// </summary>
public static class NodeRole
{
    public const string Key = "Tongban:Role";

    public static bool IsNode(IConfiguration configuration) => (configuration[Key] ?? "platform").Trim().ToLowerInvariant() switch
    {
        "platform" or "" => false,
        "node" => true,
        var other => throw new InvalidOperationException($"Tongban:Role is '{other}': use platform or node."),
    };
}
