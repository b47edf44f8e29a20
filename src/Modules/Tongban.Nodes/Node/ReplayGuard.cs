using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Nodes.Data;

namespace Tongban.Nodes.Node;

/// <summary>
/// Message ids a provider node accepted, kept for twice the allowed clock skew (older messages are refused by their
/// time anyway). The id is the table's key, so the same id twice — here or on another instance on the same database —
/// fails to insert: a replay is refused.
/// </summary>
internal sealed class ReplayGuard(IServiceScopeFactory scopes, TimeProvider clock)
{
    public async Task<bool> FirstTimeAsync(Guid messageId, string sender, TimeSpan keep, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NodesDbContext>();
        var now = clock.GetUtcNow();
        await db.SeenMessages.Where(m => m.SeenAt < now - keep).ExecuteDeleteAsync(cancellationToken);
        db.SeenMessages.Add(new SeenMessage { MessageId = messageId, Sender = sender, SeenAt = now });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            return false;
        }
    }
}
