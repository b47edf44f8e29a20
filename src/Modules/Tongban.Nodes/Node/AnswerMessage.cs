using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Tongban.Kernel.Keys;
using Tongban.Kernel.Time;
using Tongban.Nodes.Contracts;

namespace Tongban.Nodes.Node;

/// <summary>
/// The provider node's side of a call: verify the sender's signature under its key from the configuration, the
/// recipient, the time, the body digest, the message id (a replay is refused) and the right (service, items, purpose);
/// call the department system through the adapter; sign the answer. Every message is logged with its outcome, refused or not.
/// </summary>
internal sealed class AnswerMessage(ConfigurationStore store, NodeKeys keys, ReplayGuard replays, Adapter adapter, MessageLog log,
    OperationCounter counter, IOptions<NodesOptions> options, RegionClock clock)
{
    public async Task<NodeEnvelope> AnswerAsync(NodeEnvelope envelope, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var claimed = Claimed(envelope);
        var outcome = "ok";
        try
        {
            var (header, request) = await VerifyAsync(envelope, claimed, cancellationToken);
            var items = await adapter.CallAsync(header.Service, request, cancellationToken);
            var body = items.ToJsonString();
            var response = SignedDocument.Sign(new ResponseHeader(ResponseHeader.FormatName, header.MessageId, clock.UtcNow, options.Value.NodeId, "ok",
                SubjectDigests.OfBody(body)), keys.Current());
            var answer = new NodeEnvelope(response, body);
            // The request and the answer are logged together, the request first (the log's queue keeps the order), and
            // the answer leaves only once both are committed: one wait for the log instead of two.
            await Task.WhenAll(LogAsync("received", claimed, envelope, "ok"), LogAsync("response-sent", claimed, answer, "ok"));
            return answer;
        }
        catch (NodeRefusal refusal)
        {
            outcome = refusal.Error.Code;
            await LogAsync("received", claimed, envelope, refusal.Error.Code);
            throw;
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            outcome = UnexpectedOutcome; // nothing was answered; the request is still in the log with what became of it
            await LogAsync("received", claimed, envelope, UnexpectedOutcome);
            throw;
        }
        finally
        {
            counter.Record(ServiceCount.Provider, OperationCounter.ServiceName(await store.HeldAsync(CancellationToken.None), options.Value.Member, claimed?.Service ?? ""),
                outcome, Stopwatch.GetElapsedTime(started));
        }
    }

    /// <summary>The log's outcome for a request that failed on this node for a reason that is not a refusal (a fault here).</summary>
    internal const string UnexpectedOutcome = "node.error";

    private async Task<(MessageHeader, ServiceRequest)> VerifyAsync(NodeEnvelope envelope, MessageHeader? claimed, CancellationToken cancellationToken)
    {
        var configuration = await store.ForCallAsync(cancellationToken);
        if (claimed is null) throw CallRefusals.Malformed;
        var sender = configuration.Node(claimed.Sender) ?? throw CallRefusals.UnknownSender;
        var header = SignedDocument.Verify<MessageHeader>(envelope.Message, [PublicSigningKey.FromPem(sender.PublicKeyPem)]) ?? throw CallRefusals.SignatureInvalid;
        if (header.Format != MessageHeader.FormatName) throw CallRefusals.Malformed;
        if (header.Recipient != options.Value.NodeId) throw CallRefusals.WrongRecipient;
        if ((clock.UtcNow - header.SentAt).Duration() > options.Value.MaxClockSkew) throw CallRefusals.Expired;
        if (SubjectDigests.OfBody(envelope.Body) != header.BodyDigest) throw CallRefusals.BodyMismatch;
        if (!await replays.FirstTimeAsync(header.MessageId, header.Sender, 2 * options.Value.MaxClockSkew, cancellationToken)) throw CallRefusals.Replayed;
        var service = configuration.Service(options.Value.Member.Trim().ToUpperInvariant(), header.Service) ?? throw CallRefusals.UnknownService;
        var request = Parse(envelope.Body);
        var right = configuration.Right(sender.Member, service, header.Purpose, clock.Today);
        if (right is null || request.Items.Count == 0 || request.Items.Any(i => !right.Items.Contains(i) || !service.Items.Contains(i)))
            throw CallRefusals.NoRight;
        return (header, request);
    }

    // What the message says it is, before anything is verified: enough to find the sender's key and to log it.
    internal static MessageHeader? Claimed(NodeEnvelope envelope)
    {
        try
        {
            return envelope.Message["document"]?.Deserialize<MessageHeader>(SignedDocument.Json);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            return null;
        }
    }

    private static ServiceRequest Parse(string body)
    {
        try
        {
            return JsonSerializer.Deserialize<ServiceRequest>(body, SignedDocument.Json) is { Key: { } key, Items: not null } request && ServiceRequest.IsSubjectKey(key) ? request : throw CallRefusals.Malformed;
        }
        catch (JsonException)
        {
            throw CallRefusals.Malformed;
        }
    }

    private Task LogAsync(string direction, MessageHeader? header, NodeEnvelope envelope, string outcome) =>
        log.AppendAsync(MessageLogDraft.Of(direction, header, envelope.Message, outcome, options.Value.NodeId), CancellationToken.None);
}
