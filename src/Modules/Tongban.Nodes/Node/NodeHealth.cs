using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Tongban.Nodes.Contracts;
using Tongban.Nodes.Data;

namespace Tongban.Nodes.Node;

/// <summary>A fault the node's health names, in both languages; <see cref="Down"/> when the node cannot serve at all.</summary>
internal sealed record HealthProblem(string Code, string Chinese, string English, bool Down = false);

/// <summary>
/// <c>GET /node/health</c>: what a department's operators (or their monitoring) need to know of their node — whether it
/// can serve (<c>ok</c>, <c>degraded</c>, <c>down</c>, the last answered 503 for a load balancer), its held configuration
/// and how long it lasts, the message log against the centre's stamps, the pushes waiting, and today's counts by side,
/// service and outcome. Counts and states only: no payload, no subject, nothing of a caller.
/// </summary>
internal sealed record NodeHealthReport(string Node, string Status, IReadOnlyList<HealthProblem> Problems,
    long? ConfigurationVersion, DateTimeOffset? ConfigurationIssuedAt, DateTimeOffset? ConfigurationExpiresAt,
    long LogEntries, long? LastStampedEntry, DateTimeOffset? LastStampedAt,
    int PendingPushes, int FailingPushes, DateTimeOffset? OldestPendingSince, IReadOnlyList<ServiceCount> Today);

/// <summary>
/// The node's health from what it holds (<see cref="NodeHealthReport"/>). Degraded: the configuration is in the last
/// quarter of its life (the centre has not been reached for a while — the node still serves on it until it expires), a
/// push has failed and waits for its retry, or log entries have waited for the centre's stamp over three stamp intervals.
/// Down: no configuration, or an expired one.
/// </summary>
internal sealed class NodeHealth(ConfigurationStore store, IServiceScopeFactory scopes, OperationCounter counter, IOptions<NodesOptions> options, TimeProvider clock,
    Kernel.Time.RegionClock region)
{
    public async Task<NodeHealthReport> CheckAsync(CancellationToken ct)
    {
        var (now, o) = (clock.GetUtcNow(), options.Value);
        List<HealthProblem> problems = [];
        var held = await store.HeldAsync(ct);
        if (held is null)
            problems.Add(new("configuration.missing", "前置机尚未取得中心的配置，不能收发消息", "The node holds no configuration from the centre yet and cannot exchange messages", Down: true));
        else if (now >= held.ExpiresAt)
            problems.Add(new("configuration.expired", $"前置机的配置已于 {region.Show(held.ExpiresAt)} 过期，已停止收发消息，请检查与中心的连接",
                $"The node's configuration expired at {region.Show(held.ExpiresAt)}; it has stopped exchanging messages: check the way to the centre", Down: true));
        else if (held.ExpiresAt - now < (held.ExpiresAt - held.IssuedAt) / 4)
            problems.Add(new("configuration.ageing", $"已有一段时间未能从中心更新配置，现有配置将于 {region.Show(held.ExpiresAt)} 过期",
                $"The configuration has not been renewed from the centre for a while; the one held expires at {region.Show(held.ExpiresAt)}"));

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NodesDbContext>();
        var entries = await db.MessageLogHeads.AsNoTracking().Select(h => h.LastSequence).SingleOrDefaultAsync(ct);
        var stamp = await db.LogStamps.AsNoTracking().Where(s => s.Node == o.NodeId).OrderByDescending(s => s.Sequence)
            .Select(s => new { s.Sequence, s.StampedAt }).FirstOrDefaultAsync(ct);
        var stamped = stamp?.Sequence ?? 0;
        if (!string.IsNullOrWhiteSpace(o.DirectoryAddress) && o.StampInterval > TimeSpan.Zero && entries > stamped
            && await db.MessageLog.AsNoTracking().Where(e => e.Sequence > stamped).OrderBy(e => e.Sequence).Select(e => (DateTimeOffset?)e.At).FirstOrDefaultAsync(ct) is { } waiting
            && now - waiting > 3 * o.StampInterval)
            problems.Add(new("log.unstamped", $"消息日志自 {region.Show(waiting)} 起的记录尚未得到中心的时间戳",
                $"Message log entries since {region.Show(waiting)} have not been stamped by the centre"));

        var pending = db.OutgoingPushes.AsNoTracking().Where(p => p.State == OutgoingPush.Pending);
        var (count, failing) = (await pending.CountAsync(ct), await pending.CountAsync(p => p.Attempts > 0, ct));
        var oldest = await pending.OrderBy(p => p.QueuedAt).Select(p => (DateTimeOffset?)p.QueuedAt).FirstOrDefaultAsync(ct);
        if (failing > 0)
            problems.Add(new("pushes.failing", $"有 {failing} 条推送投递失败，正在等待重试", $"{failing} pushes failed to deliver and wait for their retry"));

        var status = problems.Any(p => p.Down) ? "down" : problems.Count > 0 ? "degraded" : "ok";
        return new NodeHealthReport(o.NodeId, status, problems, held?.Version, held?.IssuedAt, held?.ExpiresAt, entries, stamp?.Sequence, stamp?.StampedAt,
            count, failing, oldest, await counter.TodayAsync(ct));
    }
}
