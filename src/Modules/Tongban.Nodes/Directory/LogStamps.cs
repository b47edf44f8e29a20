using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tongban.Kernel.Audit;
using Tongban.Kernel.Keys;
using Tongban.Kernel.Time;
using Tongban.Nodes.Contracts;
using Tongban.Nodes.Data;
using Tongban.Nodes.Node;

namespace Tongban.Nodes.Directory;

/// <summary>
/// The centre's stamps on nodes' message logs (ADR 0014, "Message log"). A node sends its log's head signed by its own
/// key (<see cref="LogHead"/>); the centre believes it only when it verifies under the key the directory holds for the
/// node it names and was sent within <c>Nodes:MaxClockSkew</c>, then signs <see cref="LogStamp"/> with its anchor key
/// (<c>directory-configuration</c>), keeps a copy and answers it. The same head again is answered with the stamp already
/// given. A head that contradicts a stamp already given — another hash at a stamped sequence, or a sequence below the
/// last stamped one — is refused with a reason: the node's log was rewritten, cut back or restored from an old backup.
/// </summary>
internal sealed partial class LogStamps(NodesDbContext db, SigningKeys keys, IOptions<NodesOptions> options, RegionClock clock)
{
    /// <summary>How many stamps one answer lists (the latest ones); at one stamp every ten minutes, about a week.</summary>
    public const int MaxListed = 1000;

    public async Task<JsonObject> StampAsync(JsonNode? envelope, CancellationToken cancellationToken)
    {
        if (NodeReports.ClaimedNode(envelope) is not { } id) throw CallRefusals.Malformed;
        var node = await db.Nodes.AsNoTracking().SingleOrDefaultAsync(n => n.Id == id, cancellationToken) ?? throw CallRefusals.UnknownSender;
        var head = SignedDocument.Verify<LogHead>(envelope, [PublicSigningKey.FromPem(node.PublicKeyPem)]) ?? throw CallRefusals.SignatureInvalid;
        if (head is not { Format: LogHead.FormatName, Hash: not null } || head.Node != node.Id || head.Sequence < 1 || !HashPattern().IsMatch(head.Hash))
            throw CallRefusals.Malformed;
        if ((clock.UtcNow - head.SentAt).Duration() > options.Value.MaxClockSkew) throw CallRefusals.Expired;
        for (var attempt = 0; ; attempt++)
        {
            var latest = await db.LogStamps.AsNoTracking().Where(s => s.Node == id).OrderByDescending(s => s.Sequence).FirstOrDefaultAsync(cancellationToken);
            if (latest is not null && latest.Sequence == head.Sequence)
                return latest.Hash == head.Hash ? (JsonObject)JsonNode.Parse(latest.Signed)! : throw CallRefusals.StampConflict;
            if (latest is not null && head.Sequence < latest.Sequence) throw CallRefusals.StampBehind;
            var stamp = new LogStamp(LogStamp.FormatName, id, head.Sequence, head.Hash, HashChain.ToMilliseconds(clock.UtcNow));
            var signed = SignedDocument.Sign(stamp, keys.GetOrCreate(ConfigurationPublisher.KeyName, options.Value.Algorithm));
            db.LogStamps.Add(new StoredLogStamp { Node = id, Sequence = stamp.Sequence, Hash = stamp.Hash, StampedAt = stamp.StampedAt, Signed = signed.ToJsonString() });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return signed;
            }
            catch (DbUpdateException) when (attempt < 2)
            {
                db.ChangeTracker.Clear(); // the same head stamped at once by another request: answer that stamp
            }
        }
    }

    /// <summary>The latest stamps the centre signed for a node, oldest first, as signed: anyone may check a node's log against them.</summary>
    public async Task<IReadOnlyList<JsonObject>> ListAsync(string nodeId, CancellationToken cancellationToken)
    {
        var signed = await db.LogStamps.AsNoTracking().Where(s => s.Node == nodeId).OrderByDescending(s => s.Sequence).Take(MaxListed)
            .Select(s => s.Signed).ToListAsync(cancellationToken);
        return [.. signed.AsEnumerable().Reverse().Select(s => (JsonObject)JsonNode.Parse(s)!)];
    }

    [GeneratedRegex("^[0-9a-f]{64}$")]
    private static partial Regex HashPattern();
}
