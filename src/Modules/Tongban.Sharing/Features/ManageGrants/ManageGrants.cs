using Microsoft.EntityFrameworkCore;
using Tongban.Kernel.Audit;
using Tongban.Kernel.Errors;
using Tongban.Kernel.Outbox;
using Tongban.Kernel.Time;
using Tongban.Sharing.Data;
using Tongban.Sharing.Domain;
using Tongban.Sharing.Features.LookUpGrants;
using Tongban.Kernel.Data;

namespace Tongban.Sharing.Features.ManageGrants;

/// <summary>Lists grants by their state today and revokes one with a reason.</summary>
internal sealed class ManageGrants(SharingDbContext db, ChangeSignals signals, RegionClock clock)
{
    /// <summary>The grants a department sees: those it holds and those to its resources.</summary>
    public async Task<IReadOnlyList<(GrantView Grant, GrantState State)>> ListAsync(GrantState? state, SharingActor actor, CancellationToken ct)
    {
        var today = clock.Today;
        var query = db.Grants.AsNoTracking();
        if (actor.Department is { } department) query = query.Where(g => g.ProviderCreditCode == department || g.ConsumerCreditCode == department);
        var grants = await query.OrderByDescending(g => g.GrantedAt).ToListAsync(ct);
        return [.. grants.Select(g => (GrantView.From(g), g.StateOn(today))).Where(g => state is null || g.Item2 == state)];
    }

    public async Task<Grant> RevokeAsync(Guid id, string reason, SharingActor actor, CancellationToken ct)
    {
        var grant = await db.Grants.SingleOrDefaultAsync(g => g.Id == GrantId.From(id), ct);
        if (grant is null || !actor.Sees(grant.ProviderCreditCode, grant.ConsumerCreditCode))
            throw new DomainException(DomainError.NotFound("共享授权", "The grant"));
        actor.RequireProvider(grant.ProviderCreditCode);
        grant.Revoke(reason, actor.Name, clock.UtcNow);
        db.Audit(new AuditRecord(actor.Name, "sharing.grant_revoked", $"resource:{grant.ResourceCode}", $"{grant.ConsumerCreditCode}: {reason}", clock.UtcNow));
        await db.SaveChangesAsync(ct);
        await signals.AnnounceAsync(ChangeTopics.Sharing, ct);
        return grant;
    }
}
