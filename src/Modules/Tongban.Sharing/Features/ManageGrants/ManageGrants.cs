using Microsoft.EntityFrameworkCore;
using Tongban.Kernel.Audit;
using Tongban.Kernel.Errors;
using Tongban.Kernel.Outbox;
using Tongban.Kernel.Time;
using Tongban.Sharing.Data;
using Tongban.Sharing.Domain;
using Tongban.Sharing.Features.LookUpGrants;

namespace Tongban.Sharing.Features.ManageGrants;

/// <summary>Lists grants by their state today and revokes one with a reason.</summary>
internal sealed class ManageGrants(SharingDbContext db, SharingSnapshot snapshot, RegionClock clock)
{
    public async Task<IReadOnlyList<(GrantView Grant, GrantState State)>> ListAsync(GrantState? state, CancellationToken ct)
    {
        var today = clock.Today;
        var grants = await db.Grants.AsNoTracking().OrderByDescending(g => g.GrantedAt).ToListAsync(ct);
        return [.. grants.Select(g => (GrantView.From(g), g.StateOn(today))).Where(g => state is null || g.Item2 == state)];
    }

    public async Task<Grant> RevokeAsync(Guid id, string reason, string actor, CancellationToken ct)
    {
        var grant = await db.Grants.SingleOrDefaultAsync(g => g.Id == GrantId.From(id), ct)
            ?? throw new DomainException(DomainError.NotFound("共享授权", "The grant"));
        grant.Revoke(reason, actor, clock.UtcNow);
        db.Audit(new AuditRecord(actor, "sharing.grant_revoked", $"resource:{grant.ResourceCode}", $"{grant.ConsumerCreditCode}: {reason}", clock.UtcNow));
        await db.SaveChangesAsync(ct);
        snapshot.Invalidate();
        return grant;
    }
}
