using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Tongban.Nodes.Contracts;

namespace Tongban.Nodes.Directory;

/// <summary>
/// The centre's configuration, as every node fetches it. It is public in the way X-Road's global configuration is:
/// it names nodes, services and rights, never personal data, and its worth is its signature, not its secrecy.
/// </summary>
internal static class DirectoryEndpoints
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/configuration", async (INodeDirectory directory, CancellationToken ct) => TypedResults.Json(await directory.PublishAsync(ct)))
            .WithName("GetNodeConfiguration").AllowAnonymous();
}
