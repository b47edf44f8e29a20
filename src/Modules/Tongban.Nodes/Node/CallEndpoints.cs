using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Tongban.Nodes.Contracts;

namespace Tongban.Nodes.Node;

/// <summary>
/// The node's two ends of a call: <c>POST /node/services/{provider}/{service}</c> for its own member's systems, and
/// <c>POST /node/messages</c> for other nodes (authenticated by the message's signature, not by the connection).
/// Bodies are read as text with a limit, so a malformed message is refused with a reason and logged, never a 500.
/// </summary>
internal static class CallEndpoints
{
    private const int MaxBody = 256 * 1024;

    public sealed record CallInput(string? Key, IReadOnlyList<string>? Items, string? Purpose);

    public sealed record CallAnswer(Guid MessageId, System.Text.Json.Nodes.JsonObject Items);

    public static void Map(IEndpointRouteBuilder node)
    {
        node.MapPost("/services/{provider}/{service}", async (string provider, string service, HttpRequest request, NodeClients clients, CallService calls,
            OperationCounter counter, ConfigurationStore store, CancellationToken ct) =>
        {
            var started = Stopwatch.GetTimestamp();
            var outcome = "ok";
            try
            {
                if (await clients.AuthenticateAsync(request) is null) throw CallRefusals.Unauthenticated;
                if (request.Headers["X-On-Behalf-Of"].ToString() is not { Length: > 0 and <= 100 } onBehalfOf) throw CallRefusals.OnBehalfOfRequired;
                var input = await ReadAsync<CallInput>(request, ct);
                if (input is not { Key: { } key, Items.Count: > 0, Purpose.Length: > 0 }) throw CallRefusals.Malformed;
                if (!ServiceRequest.IsSubjectKey(key)) throw CallRefusals.KeyInvalid;
                var (id, items) = await calls.CallAsync(provider, service, new ServiceCall(input.Key, input.Items, input.Purpose), onBehalfOf, ct);
                return TypedResults.Ok(new CallAnswer(id, items));
            }
            catch (NodeRefusal refusal)
            {
                outcome = refusal.Error.Code;
                return refusal.ToResult();
            }
            finally
            {
                counter.Record(ServiceCount.Consumer, OperationCounter.ServiceName(await store.HeldAsync(CancellationToken.None), provider, service), outcome,
                    Stopwatch.GetElapsedTime(started));
            }
        }).WithName("CallNodeService").AllowAnonymous();

        node.MapPost("/messages", async (HttpRequest request, AnswerMessage answers, CancellationToken ct) =>
        {
            try
            {
                var envelope = await ReadAsync<NodeEnvelope>(request, ct);
                if (envelope is not { Message: not null, Body: not null }) throw CallRefusals.Malformed;
                return TypedResults.Json(await answers.AnswerAsync(envelope, ct), SignedDocument.Json);
            }
            catch (NodeRefusal refusal)
            {
                return refusal.ToResult();
            }
        }).WithName("ReceiveNodeMessage").AllowAnonymous();
    }

    internal static async Task<T?> ReadAsync<T>(HttpRequest request, CancellationToken ct) where T : class
    {
        if (request.ContentLength > MaxBody) throw CallRefusals.Malformed;
        try
        {
            return await BoundedRead.ParseAsync(request.Body, MaxBody, body => JsonSerializer.Deserialize<T>(body.Span, SignedDocument.Json), () => CallRefusals.Malformed, ct);
        }
        catch (JsonException)
        {
            throw CallRefusals.Malformed;
        }
    }
}
