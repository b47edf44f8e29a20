using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tongban.Kernel.Keys;
using Tongban.Kernel.Time;
using Tongban.Nodes.Contracts;
using Tongban.Nodes.Data;

namespace Tongban.Nodes.Directory;

/// <summary>
/// Takes a node's signed report (<see cref="NodeReport"/>) when it fetches its configuration. Believed only when it
/// verifies under the key the directory holds for the node it names and was sent within <c>Nodes:MaxClockSkew</c>: then
/// the node is seen now, with its software and configuration versions, and its counts replace the ones it reported
/// before (they are totals so far, so a report sent twice changes nothing). Anything else changes nothing. A replay of a
/// good report within the skew can only say again what the node said: it is monitoring, not authority.
/// </summary>
internal sealed class NodeReports(NodesDbContext db, IOptions<NodesOptions> options, RegionClock clock)
{
    private const int MaxCounts = 2000;
    private const int KeptDays = 7;

    public async Task<bool> AcceptAsync(JsonNode? envelope, CancellationToken cancellationToken)
    {
        if (ClaimedNode(envelope) is not { } id) return false;
        var node = await db.Nodes.SingleOrDefaultAsync(n => n.Id == id, cancellationToken);
        if (node is null) return false;
        var report = SignedDocument.Verify<NodeReport>(envelope, [PublicSigningKey.FromPem(node.PublicKeyPem)]);
        if (report is not { Format: NodeReport.FormatName, SoftwareVersion: not null, Counts: not null } || report.Node != node.Id
            || (clock.UtcNow - report.SentAt).Duration() > options.Value.MaxClockSkew || report.Counts.Count > MaxCounts)
            return false;
        node.Seen(clock.UtcNow, report.SoftwareVersion, report.ConfigurationVersion, report.Problems);
        await ReplaceCountsAsync(node.Id, report.Counts.Where(Plausible).ToList(), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    // Which node the report says it is from, before anything is verified; null for a shape that names none (a JSON object
    // with a member twice throws when it is first read, so that is read here, inside the guard).
    internal static string? ClaimedNode(JsonNode? envelope)
    {
        try
        {
            return envelope is JsonObject outer && outer["document"] is JsonObject document && document["node"] is JsonValue claimed
                   && claimed.TryGetValue<string>(out var id) && id.Length <= 51 ? id : null;
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            return null;
        }
    }

    private async Task ReplaceCountsAsync(string node, List<ServiceCount> counts, CancellationToken cancellationToken)
    {
        var days = counts.Select(c => c.Day).Distinct().ToList();
        var held = (await db.OperationCounts.Where(c => c.Node == node && days.Contains(c.Day)).ToListAsync(cancellationToken))
            .ToDictionary(r => (r.Day, r.Side, r.Service, r.Outcome));
        foreach (var count in counts.DistinctBy(c => (c.Day, c.Side, c.Service, c.Outcome)))
        {
            var row = held.GetValueOrDefault((count.Day, count.Side, count.Service, count.Outcome));
            if (row is null)
                db.OperationCounts.Add(row = new OperationCount { Node = node, Day = count.Day, Side = count.Side, Service = count.Service, Outcome = count.Outcome });
            (row.Calls, row.TotalMilliseconds, row.MaxMilliseconds) = (count.Calls, count.TotalMilliseconds, count.MaxMilliseconds);
        }
    }

    // Signed by the node, and still checked: a node's bug must not fill the centre's table or break its page.
    private bool Plausible(ServiceCount c) =>
        ServiceCount.IsSide(c.Side) && c.Service is { Length: > 0 and <= 70 } && c.Outcome is { Length: > 0 and <= 60 }
        && c.Calls >= 0 && c.TotalMilliseconds >= 0 && c.MaxMilliseconds >= 0 && c.Day <= clock.Today.AddDays(1) && c.Day > clock.Today.AddDays(-KeptDays);
}
