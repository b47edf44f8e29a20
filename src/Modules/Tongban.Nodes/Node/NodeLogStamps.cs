using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tongban.Kernel.Audit;
using Tongban.Kernel.Errors;
using Tongban.Kernel.Hosting;
using Tongban.Nodes.Contracts;
using Tongban.Nodes.Data;

namespace Tongban.Nodes.Node;

/// <summary>
/// The centre's stamps on this node's message log (ADR 0014, "Message log"). Every <c>Nodes:StampInterval</c> (10 min)
/// the node sends its log's head, signed by its key (<see cref="LogHead"/>), to <c>POST /api/nodes/stamps</c> at the
/// centre, checks the answer — <see cref="LogStamp"/> for this node, this sequence and this hash, signed under the
/// anchor — and keeps it in <c>nd_log_stamps</c>. A head already stamped is not sent again. <see cref="VerifyAsync"/>
/// walks the log against the stamps held here and the centre's copies: a log rewritten below a stamped sequence (hashes
/// recomputed or not), cut back, or restored from an old backup disagrees with a stamp, and the first entry that can no
/// longer be trusted is named. The centre down is a warning: the next round stamps the head then.
/// </summary>
internal sealed class NodeLogStamps(IHttpClientFactory http, IServiceScopeFactory scopes, ConfigurationStore store, NodeKeys keys,
    IOptions<NodesOptions> options, TimeProvider clock, ILogger<NodeLogStamps> logger) : PeriodicWorker(clock, logger), INodeLog
{
    protected override TimeSpan Interval => string.IsNullOrWhiteSpace(options.Value.DirectoryAddress) ? TimeSpan.Zero : options.Value.StampInterval;

    private readonly SemaphoreSlim _gate = new(1, 1);

    protected override Task RunOnceAsync(CancellationToken cancellationToken) => StampNowAsync(cancellationToken);

    public async Task<LogStamp?> StampNowAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(options.Value.DirectoryAddress)) return null;
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<NodesDbContext>();
            var self = options.Value.NodeId;
            var head = await db.MessageLogHeads.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
            if (head is null || head.LastSequence < 1) return null;
            if (await db.LogStamps.AsNoTracking().AnyAsync(s => s.Node == self && s.Sequence == head.LastSequence, cancellationToken)) return null;
            var request = SignedDocument.Sign(new LogHead(LogHead.FormatName, self, Clock.GetUtcNow(), head.LastSequence, head.LastHash), keys.Current());
            using var response = await http.CreateClient(ConfigurationRefresher.HttpClientName).PostAsJsonAsync(Centre("api/nodes/stamps"), request, SignedDocument.Json, cancellationToken);
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                Logger.LogWarning("The centre refused to stamp the message log at entry {Sequence}: {Code}", head.LastSequence, RefusalReasons.CodeOf(SignedDocument.Parse(text)) ?? ((int)response.StatusCode).ToString());
                return null;
            }
            var signed = SignedDocument.Parse(text);
            var stamp = Trusted(signed, store.Anchor());
            if (stamp is null || stamp.Sequence != head.LastSequence || stamp.Hash != head.LastHash)
            {
                Logger.LogWarning("The centre's answer to a stamp request does not verify under the anchor or names another head: not kept");
                return null;
            }
            db.LogStamps.Add(new StoredLogStamp { Node = self, Sequence = stamp.Sequence, Hash = stamp.Hash, StampedAt = stamp.StampedAt, Signed = signed!.ToJsonString() });
            await db.SaveChangesAsync(CancellationToken.None);
            Logger.LogInformation("The centre stamped the message log at entry {Sequence}", stamp.Sequence);
            return stamp;
        }
        catch (Exception ex) when (ex is HttpRequestException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            Logger.LogWarning("The centre did not answer a stamp request ({Reason}); the next round asks again", ex.Message);
            return null;
        }
        catch (DomainException ex)
        {
            Logger.LogWarning("No stamp: {Reason}", ex.Message);
            return null;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task<NodeLogCheck> VerifyAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NodesDbContext>();
        var self = options.Value.NodeId;
        var held = await db.LogStamps.AsNoTracking().Where(s => s.Node == self).OrderBy(s => s.Sequence).Select(s => s.Signed).ToListAsync(cancellationToken);
        var fromCentre = await CentreStampsAsync(cancellationToken);
        var anchor = store.Anchor();
        var checkedStamps = held.Select(SignedDocument.Parse).Concat(fromCentre ?? []).Select(s => Trusted(s, anchor)).ToList();
        var stamps = checkedStamps.OfType<LogStamp>().DistinctBy(s => (s.Sequence, s.Hash)).ToList();
        var untrusted = checkedStamps.Count(s => s is null);
        var chain = scope.ServiceProvider.GetServices<IHashChain>().Single(c => c.Name == MessageLogEntry.ChainName);
        var verdict = await chain.VerifyAsync(ChainPoint.Genesis, null, [.. stamps.Select(s => new TrustedCheckpoint(s.Sequence, s.Hash, s.StampedAt))], cancellationToken);
        var (fault, sequence) = verdict.IsIntact && untrusted > 0 ? (AuditFault.UntrustedCheckpoint, (long?)null) : (verdict.Fault, verdict.Sequence);
        var (chinese, english) = Words(fault, sequence, verdict.CheckpointsChecked, untrusted, fromCentre is not null);
        return new NodeLogCheck(fault == AuditFault.None, verdict.EntriesChecked, verdict.CheckpointsChecked, verdict.LastCheckpoint, held.Count, fromCentre?.Count ?? 0,
            fromCentre is not null, untrusted, fault == AuditFault.None ? null : fault.ToString().ToLowerInvariant(), sequence, chinese, english);
    }

    private static (string, string) Words(AuditFault fault, long? sequence, int stamps, int untrusted, bool centreReached)
    {
        var (zh, en) = fault switch
        {
            AuditFault.None => ($"消息日志完整，与{stamps}个中心签章一致", $"The message log is intact and agrees with {stamps} of the centre's stamps"),
            AuditFault.Rewritten => ($"消息日志与中心签章不一致：自第{sequence}条起被改写或截短，不可信",
                $"The message log disagrees with the centre's stamps: rewritten or cut back, not to be trusted from entry #{sequence} on"),
            AuditFault.Altered => ($"第{sequence}条日志被改动", $"Log entry #{sequence} was altered"),
            AuditFault.Inserted => ($"第{sequence}条日志是插入的", $"Log entry #{sequence} was inserted"),
            AuditFault.Deleted => ($"自第{sequence}条起有日志被删除", $"Log entries were deleted from #{sequence} on"),
            _ => ($"节点保存的签章中有{untrusted}个无法用中心公钥验证", $"{untrusted} of the stamps held on this node do not verify under the centre's key"),
        };
        return centreReached ? (zh, en) : (zh + "（未能连接中心，只比对了节点保存的签章）", en + " (the centre could not be reached: only the stamps held on this node were compared)");
    }

    // The centre's copies of this node's stamps; null when the centre cannot be asked or does not answer.
    private async Task<List<JsonNode?>?> CentreStampsAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(options.Value.DirectoryAddress)) return null;
        try
        {
            var (member, code) = (options.Value.Member.Trim().ToUpperInvariant(), options.Value.Code.Trim());
            return await http.CreateClient(ConfigurationRefresher.HttpClientName)
                .GetFromJsonAsync<List<JsonNode?>>(Centre($"api/nodes/stamps/{Uri.EscapeDataString(member)}/{Uri.EscapeDataString(code)}"), cancellationToken);
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            Logger.LogWarning("The centre's stamps could not be read ({Reason}); the log is checked against the stamps held here", ex.Message);
            return null;
        }
    }

    // A stamp for this node that verifies under the anchor, or null.
    private LogStamp? Trusted(JsonNode? signed, Kernel.Keys.PublicSigningKey anchor) =>
        SignedDocument.Verify<LogStamp>(signed, [anchor]) is { Format: LogStamp.FormatName, Hash: not null } stamp && stamp.Node == options.Value.NodeId ? stamp : null;

    private Uri Centre(string path) => new(new Uri(options.Value.DirectoryAddress.TrimEnd('/') + "/"), path);

}
