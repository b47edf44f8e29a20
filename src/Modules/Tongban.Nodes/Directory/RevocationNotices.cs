using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Tongban.Kernel.Audit;
using Tongban.Kernel.Outbox;
using Tongban.Nodes.Data;

namespace Tongban.Nodes.Directory;

/// <summary>
/// Revocation at once at the provider (ADR 0014): when Sharing records a revoked grant (<c>sharing.grant_revoked</c>, subject
/// <c>resource:{code}</c>), the centre tells the provider's nodes to fetch their configuration now
/// (<c>POST /node/configuration/refresh</c>); the new signed configuration no longer holds the right, and the provider node
/// refuses the consumer's next message even while the consumer node still acts on its older copy. Best effort: a node that
/// does not answer learns it at its next periodic refresh, and the audit record this rides on is never held up.
/// </summary>
internal sealed class RevocationNotices(NodesDbContext db, IHttpClientFactory http, ILogger<RevocationNotices> logger) : IOutboxHandler
{
    public const string HttpClientName = "tongban-revocation-notices";
    private const string Revoked = "sharing.grant_revoked";

    public string MessageType => AuditRecord.MessageType;

    public async Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var record = message.Read<AuditRecord>();
        if (record.Action != Revoked || !record.Subject.StartsWith("resource:", StringComparison.Ordinal)) return;
        var resource = record.Subject["resource:".Length..];
        var provider = resource[..Math.Max(0, resource.LastIndexOf('-'))]; // a resource code is {provider credit code}-{sequence}
        var addresses = await db.Nodes.AsNoTracking().Where(n => n.Member == provider).Select(n => n.Address).ToListAsync(cancellationToken);
        var client = http.CreateClient(HttpClientName);
        foreach (var address in addresses)
        {
            try
            {
                using var response = await client.PostAsync(new Uri(address.TrimEnd('/') + "/node/configuration/refresh"), null, cancellationToken);
                if (!response.IsSuccessStatusCode) logger.LogWarning("Node at {Address} answered {Status} to a revocation notice", address, (int)response.StatusCode);
            }
            catch (Exception ex) when (ex is HttpRequestException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
            {
                logger.LogWarning("Node at {Address} did not take a revocation notice ({Reason}); it learns at its next refresh", address, ex.Message);
            }
        }
    }
}
