using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Tongban.Nodes.Contracts;

namespace Tongban.Nodes.Node;

/// <summary>
/// Store-and-forward (ADR 0014). For the node's own member's systems (HTTP Basic against <c>Nodes:Clients</c>, as a call):
/// <c>POST /node/push/{member}/{service}</c> queues a push to a subscriber member (202 with its message id),
/// <c>GET /node/push/pending</c> lists what is not delivered yet, <c>GET /node/push/{id}</c> tells how one went,
/// <c>GET /node/inbox</c> lists pushes received and not yet acknowledged, <c>POST /node/inbox/{id}/acknowledge</c> takes
/// one. For other nodes: <c>POST /node/pushes</c>, authenticated by the message's signature (<see cref="PushInbox"/>).
/// </summary>
internal static class PushEndpoints
{
    public sealed record PushInput(string? Key, System.Text.Json.Nodes.JsonObject? Data);

    public sealed record PushQueued(Guid MessageId, string State);

    public static void Map(IEndpointRouteBuilder node)
    {
        node.MapPost("/push/{member}/{service}", async (string member, string service, HttpRequest request, NodeClients clients, PushQueue queue, CancellationToken ct) =>
        {
            try
            {
                if (await clients.AuthenticateAsync(request) is not { } client) throw CallRefusals.Unauthenticated;
                var onBehalfOf = request.Headers["X-On-Behalf-Of"].ToString() is { Length: > 0 } named ? named : client;
                if (onBehalfOf.Length > 100) throw CallRefusals.OnBehalfOfRequired;
                var input = await CallEndpoints.ReadAsync<PushInput>(request, ct);
                if (input is not { Data: not null }) throw CallRefusals.Malformed;
                if (input.Key is { } key && !ServiceRequest.IsSubjectKey(key)) throw CallRefusals.KeyInvalid;
                var id = await queue.EnqueueAsync(member, service, new PushBody(input.Key?.Trim(), input.Data), onBehalfOf, ct);
                return TypedResults.Accepted($"/node/push/{id}", new PushQueued(id, Data.OutgoingPush.Pending));
            }
            catch (NodeRefusal refusal)
            {
                return refusal.ToResult();
            }
        }).WithName("PushNodeMessage").AllowAnonymous();

        node.MapGet("/push/pending", async (HttpRequest request, NodeClients clients, PushQueue queue, CancellationToken ct) =>
            await clients.AuthenticateAsync(request) is null ? CallRefusals.Unauthenticated.ToResult() : TypedResults.Ok(await queue.PendingAsync(ct)))
            .WithName("ListPendingPushes").AllowAnonymous();

        node.MapGet("/push/{id:guid}", async (Guid id, HttpRequest request, NodeClients clients, PushQueue queue, CancellationToken ct) =>
            await clients.AuthenticateAsync(request) is null ? CallRefusals.Unauthenticated.ToResult()
            : await queue.FindAsync(id, ct) is { } push ? TypedResults.Ok(push) : NotFound())
            .WithName("GetPush").AllowAnonymous();

        node.MapGet("/inbox", async (HttpRequest request, NodeClients clients, PushInbox inbox, CancellationToken ct) =>
            await clients.AuthenticateAsync(request) is null ? CallRefusals.Unauthenticated.ToResult() : TypedResults.Ok(await inbox.UnreadAsync(ct)))
            .WithName("ListNodeInbox").AllowAnonymous();

        node.MapPost("/inbox/{id:guid}/acknowledge", async (Guid id, HttpRequest request, NodeClients clients, PushInbox inbox, CancellationToken ct) =>
            await clients.AuthenticateAsync(request) is null ? CallRefusals.Unauthenticated.ToResult()
            : await inbox.AcknowledgeAsync(id, ct) ? TypedResults.NoContent() : NotFound())
            .WithName("AcknowledgeNodeInboxMessage").AllowAnonymous();

        node.MapPost("/pushes", async (HttpRequest request, PushInbox inbox, CancellationToken ct) =>
        {
            try
            {
                var envelope = await CallEndpoints.ReadAsync<NodeEnvelope>(request, ct);
                if (envelope is not { Message: not null, Body: not null }) throw CallRefusals.Malformed;
                return TypedResults.Json(await inbox.ReceiveAsync(envelope, ct), SignedDocument.Json);
            }
            catch (NodeRefusal refusal)
            {
                return refusal.ToResult();
            }
        }).WithName("ReceiveNodePush").AllowAnonymous();
    }

    private static IResult NotFound() => CallRefusals.PushUnknown.ToResult();
}
