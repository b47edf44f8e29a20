using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Tongban.Nodes.Contracts;

namespace Tongban.Nodes.Node;

/// <summary>
/// A node's own endpoints: its state (which configuration it acts on, until when), and the centre's notice that the
/// configuration changed. The notice carries nothing to believe — the node fetches and verifies the signed configuration
/// as always — so it needs no signature: a forged one costs one fetch (coalesced, <see cref="ConfigurationRefresher"/>).
/// <c>GET /node/log/verification</c> walks the message log against the centre's stamps (<see cref="NodeLogStamps"/>), for
/// the member's own systems (a whole walk is not for anyone who asks). <c>GET /node/health</c> is the node's health for its
/// operators and their monitoring (<see cref="NodeHealth"/>): counts and states only, 503 when it cannot serve.
/// </summary>
internal static class NodeEndpoints
{
    public sealed record NodeStatus(string Node, string KeyId, string Algorithm, long? ConfigurationVersion, DateTimeOffset? ConfigurationExpiresAt, bool Expired);

    public static void Map(IEndpointRouteBuilder node)
    {
        node.MapPost("/configuration/refresh", async (ConfigurationRefresher refresher, ConfigurationStore store, CancellationToken ct) =>
        {
            await refresher.RefreshNowAsync(ct);
            return TypedResults.Ok(new { configurationVersion = (await store.HeldAsync(ct))?.Version });
        }).WithName("RefreshNodeConfiguration").AllowAnonymous();
        node.MapGet("/log/verification", async (HttpRequest request, NodeClients clients, INodeLog log, CancellationToken ct) =>
            await clients.AuthenticateAsync(request) is null ? CallRefusals.Unauthenticated.ToResult() : TypedResults.Ok(await log.VerifyAsync(ct)))
            .WithName("VerifyNodeLog").AllowAnonymous();
        node.MapGet("/status", async (ConfigurationStore store, NodeKeys keys, IOptions<NodesOptions> options, TimeProvider clock, CancellationToken ct) =>
        {
            var held = await store.HeldAsync(ct);
            var key = keys.PublicKey();
            return TypedResults.Ok(new NodeStatus(options.Value.NodeId, key.KeyId, key.Algorithm, held?.Version, held?.ExpiresAt,
                held is null || clock.GetUtcNow() >= held.ExpiresAt));
        }).WithName("GetNodeStatus").AllowAnonymous();
        node.MapGet("/health", async (NodeHealth health, CancellationToken ct) =>
        {
            var report = await health.CheckAsync(ct);
            return TypedResults.Json(report, statusCode: report.Status == "down" ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status200OK);
        }).WithName("GetNodeHealth").AllowAnonymous();
    }
}
