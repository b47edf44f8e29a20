using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Tongban.Kernel.Security;
using Tongban.Nodes.Contracts;
using Tongban.Nodes.Node;

namespace Tongban.Nodes.Directory;

/// <summary>
/// The centre's configuration, as every node fetches it. It is public in the way X-Road's global configuration is:
/// it names nodes, services and rights, never personal data, and its worth is its signature, not its secrecy. A node
/// fetches it by POSTing its signed report (<see cref="NodeReports"/>); whatever the report, the answer is the
/// configuration, and the <see cref="NodeReport.ResultHeader"/> says whether the report was taken. A node's log head is
/// stamped at <c>POST /stamps</c> (<see cref="LogStamps"/>), and the stamps of a node are public at
/// <c>GET /stamps/{member}/{code}</c>: hashes and sequences only, worth their signature.
/// </summary>
internal static class DirectoryEndpoints
{
    private const int MaxReport = 256 * 1024;

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/configuration", async (INodeDirectory directory, CancellationToken ct) => TypedResults.Json(await directory.PublishAsync(ct)))
            .WithName("GetNodeConfiguration").AllowAnonymous();
        api.MapPost("/configuration", async (HttpContext context, NodeReports reports, INodeDirectory directory, CancellationToken ct) =>
        {
            var taken = await reports.AcceptAsync(await ReadAsync(context.Request, ct), ct);
            context.Response.Headers[NodeReport.ResultHeader] = taken ? "accepted" : "ignored";
            return TypedResults.Json(await directory.PublishAsync(ct));
        }).WithName("ReportAndGetNodeConfiguration").AllowAnonymous().Accepts<JsonObject>("application/json");
        api.MapPost("/stamps", async (HttpContext context, LogStamps stamps, CancellationToken ct) =>
        {
            try
            {
                return TypedResults.Json(await stamps.StampAsync(await ReadAsync(context.Request, ct), ct));
            }
            catch (NodeRefusal refusal)
            {
                return refusal.ToResult();
            }
        }).WithName("StampNodeLog").AllowAnonymous().Accepts<JsonObject>("application/json");
        api.MapGet("/stamps/{member}/{code}", async (string member, string code, LogStamps stamps, CancellationToken ct) =>
            TypedResults.Json(await stamps.ListAsync($"{member.Trim().ToUpperInvariant()}/{code.Trim()}", ct)))
            .WithName("ListNodeLogStamps").AllowAnonymous();
        api.MapGet("/operations", async (NodeOperations operations, CancellationToken ct) => TypedResults.Ok(await operations.ListAsync(ct)))
            .WithName("GetNodeOperations").RequireAuthorization(Policies.SystemAdministrator);
    }

    private static async Task<JsonNode?> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength > MaxReport) return null;
        try
        {
            return await BoundedRead.ParseAsync(request.Body, MaxReport, body => JsonNode.Parse(body.Span), () => new JsonException("too large"), ct);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
