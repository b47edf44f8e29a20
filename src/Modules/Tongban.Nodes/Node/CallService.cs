using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Tongban.Kernel.Errors;
using Tongban.Kernel.Keys;
using Tongban.Kernel.Time;
using Tongban.Nodes.Contracts;

namespace Tongban.Nodes.Node;

/// <summary>A department system's call to its own node: which subject, which items, for what.</summary>
internal sealed record ServiceCall(string Key, IReadOnlyList<string> Items, string Purpose);

/// <summary>
/// The consumer node's side of a call: check the service and the member's right in the held configuration (so a call
/// needs no centre), sign the header, send it to the provider's node, and verify the signed answer against that node's
/// key. The request and the answer (or the refusal) are logged.
/// </summary>
internal sealed class CallService(ConfigurationStore store, NodeKeys keys, SubjectDigests subjects, MessageLog log, IHttpClientFactory http,
    IOptions<NodesOptions> options, RegionClock clock)
{
    public const string HttpClientName = "tongban-nodes";

    public async Task<(Guid MessageId, JsonObject Items)> CallAsync(string provider, string serviceCode, ServiceCall call, string onBehalfOf, CancellationToken cancellationToken)
    {
        var configuration = await store.ForCallAsync(cancellationToken);
        var service = configuration.Service(provider.Trim().ToUpperInvariant(), serviceCode) ?? throw CallRefusals.UnknownService;
        var right = configuration.Right(options.Value.Member.Trim().ToUpperInvariant(), service, call.Purpose, clock.Today);
        if (right is null || call.Items.Count == 0 || call.Items.Any(i => !right.Items.Contains(i))) throw CallRefusals.NoRight;
        var target = configuration.Nodes.FirstOrDefault(n => n.Member == service.Provider) ?? throw CallRefusals.UnknownService;
        var body = JsonSerializer.Serialize(new ServiceRequest(call.Key.Trim(), call.Items), SignedDocument.Json);
        var header = new MessageHeader(MessageHeader.FormatName, Guid.CreateVersion7(), clock.UtcNow, options.Value.NodeId, target.Id, service.Code, service.Version,
            call.Purpose, onBehalfOf, subjects.Of(call.Key), SubjectDigests.OfBody(body));
        var envelope = new NodeEnvelope(SignedDocument.Sign(header, keys.Current()), body);
        await LogAsync("sent", header, envelope, "ok");
        try
        {
            var answer = await SendAsync(target, envelope, cancellationToken);
            var response = SignedDocument.Verify<ResponseHeader>(answer.Message, [PublicSigningKey.FromPem(target.PublicKeyPem)]);
            if (response is null || response.RequestId != header.MessageId || response.Responder != target.Id || response.BodyDigest != SubjectDigests.OfBody(answer.Body))
                throw CallRefusals.ResponseInvalid;
            await LogAsync("response-received", header, answer, "ok");
            return (header.MessageId, JsonNode.Parse(answer.Body) as JsonObject ?? throw CallRefusals.ResponseInvalid);
        }
        catch (NodeRefusal refusal)
        {
            await LogAsync("response-received", header, null, refusal.Error.Code);
            throw;
        }
    }

    private async Task<NodeEnvelope> SendAsync(NodeEntry target, NodeEnvelope envelope, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await http.CreateClient(HttpClientName).PostAsJsonAsync(new Uri(target.Address.TrimEnd('/') + "/node/messages"), envelope, SignedDocument.Json, cancellationToken);
        }
        catch (HttpRequestException ex) when (NodeTransport.IsTlsRefusal(ex))
        {
            throw CallRefusals.TlsRefused;
        }
        catch (Exception ex) when (ex is HttpRequestException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw CallRefusals.ProviderUnreachable;
        }
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            try
            {
                if (!response.IsSuccessStatusCode)
                    throw RefusalReasons.Of(SignedDocument.Parse(text)) is { } reason ? new NodeRefusal(reason, (int)response.StatusCode) : CallRefusals.ResponseInvalid;
                return JsonSerializer.Deserialize<NodeEnvelope>(text, SignedDocument.Json) is { Message: not null, Body: not null } answer ? answer : throw CallRefusals.ResponseInvalid;
            }
            catch (JsonException)
            {
                throw CallRefusals.ResponseInvalid;
            }
        }
    }

    // Without an answer to log, the header sent stands in (its signature is in the "sent" entry).
    private Task LogAsync(string direction, MessageHeader header, NodeEnvelope? envelope, string outcome) => log.AppendAsync(MessageLogDraft.Of(direction, header,
        envelope?.Message ?? new JsonObject { ["document"] = JsonSerializer.SerializeToNode(header, SignedDocument.Json) }, outcome, options.Value.NodeId), CancellationToken.None);
}
