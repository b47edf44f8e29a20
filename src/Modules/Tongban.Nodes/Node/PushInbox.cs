using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Tongban.Kernel.Keys;
using Tongban.Kernel.Time;
using Tongban.Nodes.Contracts;
using Tongban.Nodes.Data;

namespace Tongban.Nodes.Node;

/// <summary>A received push as the member's system reads it: from which provider node and service, when, and what it says.</summary>
internal sealed record InboxView(Guid MessageId, string Sender, string Service, DateTimeOffset ReceivedAt, string? Key, JsonObject Data);

/// <summary>
/// The recipient node's side of a push (store-and-forward, ADR 0014). It verifies what it verifies for a call — sender in
/// the configuration, signature under the sender's key, this node as recipient, the time, the body digest — then the
/// message id (before the right, so a message delivered while the right held is answered the same after it ended): one already kept from the same sender with the same body is answered with the same signed receipt and kept
/// once (a retry whose receipt was lost), another message under a kept id is refused (<c>node.replayed</c>). Then the right:
/// this node's member must hold a live right to the sender member's service with the message's purpose (a push goes only
/// to a subscriber). The message is kept in <c>nd_inbox</c> for the member's systems, who read it (<c>GET /node/inbox</c>)
/// and acknowledge it (the body is then dropped, the id and receipt stay). An inbox, not a hand-off: the node calls no
/// system of its member, so a member's system that is down loses nothing. Every push, refused or not, is logged.
/// </summary>
internal sealed class PushInbox(IServiceScopeFactory scopes, ConfigurationStore store, NodeKeys keys, MessageLog log, OperationCounter counter,
    IOptions<NodesOptions> options, RegionClock clock)
{
    public const int Listed = 100;

    public async Task<NodeEnvelope> ReceiveAsync(NodeEnvelope envelope, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var claimed = AnswerMessage.Claimed(envelope);
        var outcome = "ok";
        try
        {
            var (header, sender, configuration) = await VerifyAsync(envelope, claimed, cancellationToken);
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<NodesDbContext>();
            // A message kept already is answered as it was, even if the right has ended since: it was delivered while it held.
            if (await KeptAsync(db, header, cancellationToken) is { } again)
            {
                await LogAsync("push-received", claimed, envelope.Message, "duplicate"); // counted as delivered: the sender gets its receipt
                return again;
            }
            var service = configuration.Service(sender.Member, header.Service) ?? throw CallRefusals.UnknownService;
            if (configuration.Right(options.Value.Member.Trim().ToUpperInvariant(), service, header.Purpose, clock.Today) is null) throw CallRefusals.NoRight;
            if (Parse(envelope.Body) is null) throw CallRefusals.Malformed;
            var receipt = SignedDocument.Sign(new ResponseHeader(ResponseHeader.FormatName, header.MessageId, clock.UtcNow, options.Value.NodeId, "ok",
                SubjectDigests.OfBody("")), keys.Current());
            db.Inbox.Add(new InboxMessage
            {
                MessageId = header.MessageId, Sender = header.Sender, Service = header.Service, SubjectDigest = header.SubjectDigest, BodyDigest = header.BodyDigest,
                Body = envelope.Body, ReceivedAt = clock.UtcNow, Receipt = receipt.ToJsonString(),
            });
            try
            {
                await db.SaveChangesAsync(CancellationToken.None);
            }
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear(); // the same message at once from another attempt: its receipt is the answer
                await LogAsync("push-received", claimed, envelope.Message, "duplicate"); // counted as delivered: the sender gets its receipt
                return await KeptAsync(db, header, cancellationToken) ?? throw CallRefusals.Replayed;
            }
            await LogAsync("push-received", claimed, envelope.Message, "ok");
            await LogAsync("push-receipt-sent", claimed, receipt, "ok");
            return new NodeEnvelope(receipt, "");
        }
        catch (NodeRefusal refusal)
        {
            outcome = refusal.Error.Code;
            await LogAsync("push-received", claimed, envelope.Message, refusal.Error.Code);
            throw;
        }
        finally
        {
            var held = await store.HeldAsync(CancellationToken.None);
            counter.Record(ServiceCount.PushIn, OperationCounter.ServiceName(held, held?.Node(claimed?.Sender ?? "")?.Member ?? "", claimed?.Service ?? ""),
                outcome, Stopwatch.GetElapsedTime(started));
        }
    }

    // The receipt already given for this message id, or a refusal when the id was kept for another message; null when new.
    private static async Task<NodeEnvelope?> KeptAsync(NodesDbContext db, MessageHeader header, CancellationToken cancellationToken)
    {
        var kept = await db.Inbox.AsNoTracking().SingleOrDefaultAsync(m => m.MessageId == header.MessageId, cancellationToken);
        if (kept is null) return null;
        if (kept.Sender != header.Sender || kept.BodyDigest != header.BodyDigest) throw CallRefusals.Replayed;
        return new NodeEnvelope((JsonObject)JsonNode.Parse(kept.Receipt)!, "");
    }

    private async Task<(MessageHeader, NodeEntry, NodeConfiguration)> VerifyAsync(NodeEnvelope envelope, MessageHeader? claimed, CancellationToken cancellationToken)
    {
        var configuration = await store.ForCallAsync(cancellationToken);
        if (claimed is null) throw CallRefusals.Malformed;
        var sender = configuration.Node(claimed.Sender) ?? throw CallRefusals.UnknownSender;
        var header = SignedDocument.Verify<MessageHeader>(envelope.Message, [PublicSigningKey.FromPem(sender.PublicKeyPem)]) ?? throw CallRefusals.SignatureInvalid;
        if (header.Format != MessageHeader.PushFormatName) throw CallRefusals.Malformed;
        if (header.Recipient != options.Value.NodeId) throw CallRefusals.WrongRecipient;
        if ((clock.UtcNow - header.SentAt).Duration() > options.Value.MaxClockSkew) throw CallRefusals.Expired;
        if (SubjectDigests.OfBody(envelope.Body) != header.BodyDigest) throw CallRefusals.BodyMismatch;
        return (header, sender, configuration);
    }

    public async Task<IReadOnlyList<InboxView>> UnreadAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NodesDbContext>();
        var unread = await db.Inbox.AsNoTracking().Where(m => m.AcknowledgedAt == null).OrderBy(m => m.ReceivedAt).Take(Listed).ToListAsync(cancellationToken);
        return [.. unread.Select(m => Parse(m.Body ?? "") is { } body ? new InboxView(m.MessageId, m.Sender, m.Service, m.ReceivedAt, body.Key, body.Data) : null).OfType<InboxView>()];
    }

    /// <summary>The member's system has the message: its body is dropped. False when no unread message has this id.</summary>
    public async Task<bool> AcknowledgeAsync(Guid messageId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NodesDbContext>();
        var now = clock.UtcNow;
        return await db.Inbox.Where(m => m.MessageId == messageId && m.AcknowledgedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.AcknowledgedAt, now).SetProperty(m => m.Body, (string?)null), cancellationToken) == 1;
    }

    private static PushBody? Parse(string body)
    {
        try
        {
            return JsonSerializer.Deserialize<PushBody>(body, SignedDocument.Json) is { Data: not null } push && (push.Key is null || ServiceRequest.IsSubjectKey(push.Key)) ? push : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private Task LogAsync(string direction, MessageHeader? header, JsonObject signed, string outcome) =>
        log.AppendAsync(MessageLogDraft.Of(direction, header, signed, outcome, options.Value.NodeId), CancellationToken.None);
}
