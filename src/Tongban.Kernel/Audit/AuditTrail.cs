using Microsoft.EntityFrameworkCore;
using Tongban.Kernel.Data;

namespace Tongban.Kernel.Audit;

/// <summary>Reads of the audit chain for people and pages, e.g. a citizen's own sign-in history.</summary>
public sealed class AuditTrail(KernelDbContext db)
{
    /// <summary>The latest entries written by <paramref name="actor"/> (exactly that actor) with one of <paramref name="actions"/>, newest first.</summary>
    public async Task<IReadOnlyList<AuditEntry>> ByActorAsync(string actor, IReadOnlyCollection<string> actions, int limit, CancellationToken cancellationToken) =>
        await db.AuditEntries.AsNoTracking()
            .Where(e => e.Actor == actor && actions.Contains(e.Action))
            .OrderByDescending(e => e.Sequence).Take(limit).ToListAsync(cancellationToken);
}
