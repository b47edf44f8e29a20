using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tongban.Kernel.Errors;
using Tongban.Kernel.Keys;
using Tongban.Kernel.Time;
using Tongban.Nodes.Contracts;
using Tongban.Nodes.Data;

namespace Tongban.Nodes.Node;

/// <summary>A queued push as the pushing system sees it: where it goes, how delivery goes, and the last reason it failed, in words.</summary>
internal sealed record PushView(Guid MessageId, string Recipient, string Service, DateTimeOffset QueuedAt, string State, int Attempts,
    DateTimeOffset? NextAttemptAt, DateTimeOffset? DoneAt, string? LastError, string? LastErrorChinese, string? LastErrorEnglish);

/// <summary>
/// Store-and-forward on the provider node (ADR 0014): a member's system pushes a message — a status change — to a
/// subscriber member, one whose live right to the service is in the held configuration (the right's purpose becomes the
/// message's). The push is queued in <c>nd_outgoing_pushes</c> and answered at once; the sender tries it at once and then
/// every <c>Nodes:PushInterval</c> when due, signing <c>tongban-node-push/1</c> again at each attempt (a new time, the same
/// message id) and sending it to the recipient node's <c>POST /node/pushes</c>. A failed attempt waits
/// <c>Nodes:PushRetryFirst</c>, doubled each time up to <c>Nodes:PushRetryMax</c>; a refusal that no retry can mend
/// (no right, unknown service, wrong recipient, malformed) fails it for good, and so does <c>Nodes:PushMaxAge</c> without
/// delivery. Delivered means the recipient's signed receipt verified: the receipt is kept and the body dropped. The
/// recipient keeps each message id, so a retry whose receipt was lost (or two senders on one database) delivers once.
/// </summary>
internal sealed class PushQueue(IServiceScopeFactory scopes, ConfigurationStore store, NodeKeys keys, SubjectDigests subjects, MessageLog log,
    OperationCounter counter, IHttpClientFactory http, IOptions<NodesOptions> options, RegionClock clock, ILogger<PushQueue> logger) : BackgroundService
{
    private const int Batch = 50;

    // Refusals no retry can mend: the recipient said so, about this very message.
    private static readonly HashSet<string> Final =
        ["node.no_right", "node.unknown_service", "node.wrong_recipient", "node.message_malformed", "node.body_digest_mismatch", "node.replayed"];

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly SemaphoreSlim _wake = new(0, 1);

    public async Task<Guid> EnqueueAsync(string recipientMember, string serviceCode, PushBody body, string onBehalfOf, CancellationToken cancellationToken)
    {
        var configuration = await store.ForCallAsync(cancellationToken);
        var service = configuration.Service(options.Value.Member.Trim().ToUpperInvariant(), serviceCode) ?? throw CallRefusals.UnknownService;
        var member = recipientMember.Trim().ToUpperInvariant();
        var right = configuration.Right(member, service, purpose: null, clock.Today) ?? throw CallRefusals.NoRight; // the push goes for the recipient's right's purpose
        var target = configuration.Nodes.FirstOrDefault(n => n.Member == member) ?? throw CallRefusals.RecipientUnknown;
        var now = clock.UtcNow;
        var push = new OutgoingPush
        {
            MessageId = Guid.CreateVersion7(), Recipient = target.Id, RecipientMember = member, Service = service.Code, ServiceVersion = service.Version,
            Purpose = right.Purpose, OnBehalfOf = onBehalfOf, SubjectDigest = body.Key is { } key ? subjects.Of(key) : "",
            Body = JsonSerializer.Serialize(body, SignedDocument.Json), QueuedAt = now, NextAttemptAt = now,
        };
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<NodesDbContext>();
            db.OutgoingPushes.Add(push);
            await db.SaveChangesAsync(cancellationToken);
        }
        Wake();
        return push.MessageId;
    }

    public async Task<IReadOnlyList<PushView>> PendingAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NodesDbContext>();
        var pending = await db.OutgoingPushes.AsNoTracking().Where(p => p.State == OutgoingPush.Pending).OrderBy(p => p.QueuedAt).Take(1000).ToListAsync(cancellationToken);
        return [.. pending.Select(View)];
    }

    public async Task<PushView?> FindAsync(Guid messageId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NodesDbContext>();
        return await db.OutgoingPushes.AsNoTracking().SingleOrDefaultAsync(p => p.MessageId == messageId, cancellationToken) is { } push ? View(push) : null;
    }

    private static PushView View(OutgoingPush p)
    {
        var words = p.LastError is { } code ? RefusalNames.Of(code) : default((string, string)?);
        return new PushView(p.MessageId, p.Recipient, p.Service, p.QueuedAt, p.State, p.Attempts, p.State == OutgoingPush.Pending ? p.NextAttemptAt : null, p.DoneAt,
            p.LastError, words?.Item1, words?.Item2);
    }

    /// <summary>Tries every push that is due now, oldest first; returns how many were tried.</summary>
    public async Task<int> DeliverDueAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<NodesDbContext>();
            var now = clock.UtcNow;
            var due = await db.OutgoingPushes.Where(p => p.State == OutgoingPush.Pending && p.NextAttemptAt <= now).OrderBy(p => p.NextAttemptAt).Take(Batch)
                .ToListAsync(cancellationToken);
            foreach (var push in due)
            {
                var started = Stopwatch.GetTimestamp();
                await AttemptAsync(push, cancellationToken);
                await db.SaveChangesAsync(CancellationToken.None);
                // Each attempt is counted with its outcome: delivered, or the reason it was retried or given up.
                counter.Record(ServiceCount.PushOut, OperationCounter.ServiceName(await store.HeldAsync(CancellationToken.None), options.Value.Member, push.Service),
                    push.State == OutgoingPush.Delivered ? "ok" : push.LastError ?? "unknown", Stopwatch.GetElapsedTime(started));
            }
            return due.Count;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task AttemptAsync(OutgoingPush push, CancellationToken cancellationToken)
    {
        var now = clock.UtcNow;
        if (now - push.QueuedAt > options.Value.PushMaxAge)
        {
            await FailAsync(push, CallRefusals.PushExpired.Error.Code, null, null);
            return;
        }
        push.Attempts++;
        NodeEntry target;
        try
        {
            var configuration = await store.CurrentAsync(cancellationToken);
            target = configuration.Node(push.Recipient) ?? configuration.Nodes.FirstOrDefault(n => n.Member == push.RecipientMember) ?? throw CallRefusals.RecipientUnknown;
        }
        catch (DomainException ex)
        {
            Retry(push, ex.Errors[0].Code);
            return;
        }
        catch (NodeRefusal refusal)
        {
            Retry(push, refusal.Error.Code);
            return;
        }
        var header = new MessageHeader(MessageHeader.PushFormatName, push.MessageId, now, options.Value.NodeId, target.Id, push.Service, push.ServiceVersion,
            push.Purpose, push.OnBehalfOf, push.SubjectDigest, SubjectDigests.OfBody(push.Body));
        var envelope = new NodeEnvelope(SignedDocument.Sign(header, keys.Current()), push.Body);
        try
        {
            using var response = await http.CreateClient(CallService.HttpClientName)
                .PostAsJsonAsync(new Uri(target.Address.TrimEnd('/') + "/node/pushes"), envelope, SignedDocument.Json, cancellationToken);
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                var code = RefusalReasons.CodeOf(SignedDocument.Parse(text)) ?? CallRefusals.RecipientUnreachable.Error.Code;
                if (response.StatusCode < System.Net.HttpStatusCode.InternalServerError && Final.Contains(code)) await FailAsync(push, code, header, envelope);
                else Retry(push, code);
                return;
            }
            var answer = Envelope(text);
            var receipt = answer is null ? null : SignedDocument.Verify<ResponseHeader>(answer.Message, [PublicSigningKey.FromPem(target.PublicKeyPem)]);
            if (receipt is null || receipt.RequestId != push.MessageId || receipt.Responder != target.Id || receipt.Outcome != "ok")
            {
                Retry(push, CallRefusals.ResponseInvalid.Error.Code);
                return;
            }
            await LogAsync("push-sent", header, envelope.Message, "ok");
            await LogAsync("push-receipt", header, answer!.Message, "ok");
            (push.State, push.DoneAt, push.Receipt, push.LastError, push.Body) = (OutgoingPush.Delivered, now, answer.Message.ToJsonString(), null, "");
        }
        catch (HttpRequestException ex) when (NodeTransport.IsTlsRefusal(ex))
        {
            Retry(push, CallRefusals.TlsRefused.Error.Code); // a certificate renewed before the directory knows it: retried
        }
        catch (Exception ex) when (ex is HttpRequestException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            Retry(push, CallRefusals.RecipientUnreachable.Error.Code);
        }
    }

    private void Retry(OutgoingPush push, string code)
    {
        push.LastError = code;
        push.NextAttemptAt = clock.UtcNow + Backoff.After(push.Attempts, options.Value.PushRetryFirst, options.Value.PushRetryMax);
        logger.LogWarning("Push {MessageId} to {Recipient} not delivered on attempt {Attempt} ({Code}); next attempt at {Next}", push.MessageId, push.Recipient,
            push.Attempts, code, push.NextAttemptAt);
    }

    private async Task FailAsync(OutgoingPush push, string code, MessageHeader? header, NodeEnvelope? envelope)
    {
        (push.State, push.DoneAt, push.LastError, push.Body) = (OutgoingPush.Failed, clock.UtcNow, code, "");
        await log.AppendAsync(new MessageLogDraft("push-sent", push.MessageId, options.Value.NodeId, push.Recipient, push.Service,
            header is null ? "" : MessageLog.HeaderText(envelope!.Message["document"]), envelope?.Message["signature"]?["value"]?.ToString() ?? "", code), CancellationToken.None);
        logger.LogWarning("Push {MessageId} to {Recipient} given up: {Code}", push.MessageId, push.Recipient, code);
    }

    private Task LogAsync(string direction, MessageHeader header, JsonObject signed, string outcome) =>
        log.AppendAsync(MessageLogDraft.Of(direction, header, signed, outcome, options.Value.NodeId), CancellationToken.None);

    private static NodeEnvelope? Envelope(string text)
    {
        try
        {
            return JsonSerializer.Deserialize<NodeEnvelope>(text, SignedDocument.Json) is { Message: not null, Body: not null } envelope ? envelope : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>A new push: try now rather than at the next interval.</summary>
    public void Wake()
    {
        try
        {
            _wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // already woken
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.PushInterval <= TimeSpan.Zero) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await DeliverDueAsync(stoppingToken);
                await _wake.WaitAsync(options.Value.PushInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Push delivery round failed");
                await Task.Delay(options.Value.PushInterval, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }
}
