using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tongban.Kernel.Time;
using Tongban.Nodes.Data;
using Tongban.Organization.Contracts;

namespace Tongban.Nodes.Directory;

/// <summary>One node on the operations page: its member, whether it is up, what it runs and holds, what expires soon.</summary>
internal sealed record NodeOperationsView(string Id, string Member, string MemberName, string? MemberNameEn, string Code, string Address, bool Up,
    DateTimeOffset? LastSeenAt, string? SoftwareVersion, long? ConfigurationVersion, long CurrentVersion, DateTimeOffset KeyExpiresAt,
    bool KeyExpiresSoon, DateTimeOffset? TlsExpiresAt, bool TlsExpiresSoon, IReadOnlyList<ServiceDayView> Days, IReadOnlyList<string> Problems)
{
    public bool ConfigurationBehind => ConfigurationVersion is not { } held || held < CurrentVersion;
}

/// <summary>Calls of one service on one day at one side of a node: how many, how many failed, and by which reason.</summary>
internal sealed record ServiceDayView(DateOnly Day, string Side, string Service, string? ServiceTitle, long Calls, long Failures, long AverageMilliseconds, long MaxMilliseconds,
    IReadOnlyDictionary<string, long> FailuresByReason);

/// <summary>
/// The operations page's figures (<c>/admin/nodes</c>, <c>GET /api/nodes/operations</c>): every registered node with up or
/// down (a signed report within <c>Nodes:UpWindow</c>), versions, key and TLS expiry (flagged within 30 days) and the
/// calls and failures per service per day of the last week, as the nodes reported them.
/// </summary>
internal sealed class NodeOperations(NodesDbContext db, IOrganizationDirectory organization, IOptions<NodesOptions> options, RegionClock clock)
{
    public static readonly TimeSpan ExpiryWarning = TimeSpan.FromDays(30);
    public const int Days = 7;

    public async Task<IReadOnlyList<NodeOperationsView>> ListAsync(CancellationToken cancellationToken)
    {
        var nodes = await db.Nodes.AsNoTracking().OrderBy(n => n.Member).ThenBy(n => n.Code).ToListAsync(cancellationToken);
        var current = await db.PublishedVersions.AsNoTracking().MaxAsync(v => (long?)v.Version, cancellationToken) ?? 0;
        var from = clock.Today.AddDays(1 - Days);
        var counts = (await db.OperationCounts.AsNoTracking().Where(c => c.Day >= from).ToListAsync(cancellationToken)).ToLookup(c => c.Node);
        var departments = (await organization.ListDepartmentsAsync(null, cancellationToken)).ToDictionary(d => d.CreditCode, StringComparer.Ordinal);
        var titles = (await db.Services.AsNoTracking().Select(s => new { s.Provider, s.Code, s.Title }).ToListAsync(cancellationToken))
            .ToDictionary(s => $"{s.Provider}/{s.Code}", s => s.Title, StringComparer.Ordinal);
        var now = clock.UtcNow;
        return [.. nodes.Select(n => new NodeOperationsView(n.Id, n.Member, departments.GetValueOrDefault(n.Member)?.Name ?? n.Member,
            departments.GetValueOrDefault(n.Member)?.NameEn, n.Code, n.Address, n.LastSeenAt >= now - options.Value.UpWindow, n.LastSeenAt, n.SoftwareVersion,
            n.ConfigurationVersion, current, n.KeyExpiresAt, n.KeyExpiresAt - now <= ExpiryWarning, n.TlsExpiresAt, n.TlsExpiresAt - now <= ExpiryWarning,
            DaysOf(counts[n.Id], titles), n.ReportedProblems))];
    }

    /// <summary>A problem a node reported (its health's code), in words for the page.</summary>
    public static (string Zh, string En) ProblemWords(string code) => code switch
    {
        "pushes.failing" => ("有推送投递失败，正在等待重试", "Pushes failed to deliver and wait for their retry"),
        "log.unstamped" => ("消息日志有记录久未得到中心的时间戳", "Message log entries have waited long for the centre's stamp"),
        _ => ("前置机报告了一个本中心不认识的问题，请查看该前置机的健康状态", "The node reported a problem this centre does not know; look at the node's own health"),
    };

    private static List<ServiceDayView> DaysOf(IEnumerable<OperationCount> counts, Dictionary<string, string> titles) =>
    [
        .. counts.GroupBy(c => (c.Day, c.Side, c.Service)).OrderByDescending(g => g.Key.Day).ThenBy(g => g.Key.Service).ThenBy(g => g.Key.Side).Select(g =>
        {
            var calls = g.Sum(c => c.Calls);
            var failed = g.Where(c => c.Outcome != "ok").ToList();
            return new ServiceDayView(g.Key.Day, g.Key.Side, g.Key.Service, titles.GetValueOrDefault(g.Key.Service), calls, failed.Sum(c => c.Calls), calls == 0 ? 0 : g.Sum(c => c.TotalMilliseconds) / calls,
                g.Max(c => c.MaxMilliseconds), failed.OrderBy(c => c.Outcome, StringComparer.Ordinal).ToDictionary(c => c.Outcome, c => c.Calls));
        }),
    ];
}
