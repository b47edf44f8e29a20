using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Tongban.Identity.Data;
using Tongban.Identity.Domain;
using Tongban.Kernel.Audit;
using Tongban.Kernel.Outbox;

namespace Tongban.Identity.Features.Federation;

/// <summary>
/// A system administrator changes the upstream: saved, audited as <c>identity.upstream_changed</c> (who, and every
/// setting but the secret, of which only "changed" or "kept" is said), then in effect at the next sign-in.
/// </summary>
internal sealed class EditUpstream(AccountsDbContext db, UpstreamStore store, IConfiguration configuration, TimeProvider clock)
{
    public async Task SaveAsync(UpstreamInput input, string actor, CancellationToken ct)
    {
        var row = await db.UpstreamSettings.SingleOrDefaultAsync(ct);
        if (row is null) db.UpstreamSettings.Add(row = UpstreamSettings.Create());
        // A blank secret keeps the one in effect: the saved one, or at the first save the one in configuration.
        var typed = string.IsNullOrWhiteSpace(input.ClientSecret) ? null : input.ClientSecret.Trim();
        var plain = typed ?? (row.ProtectedClientSecret is null ? store.Current.ClientSecret : null);
        var secret = plain is null ? null : store.Protector.Protect(plain);
        row.Change(input, secret, configuration.GetValue<bool>("Authentication:DevelopmentSignIn"), actor, clock.GetUtcNow());
        var levels = string.Join(",", row.LevelMap.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"));
        db.Audit(new AuditRecord(actor, "identity.upstream_changed", $"upstream:{row.Issuer}",
            $"{(row.Enabled ? "enabled" : "disabled")}, client {row.ClientId}, scopes {string.Join(" ", row.Scopes)}, levels {levels}, secret {(typed is null ? "kept" : "changed")}",
            clock.GetUtcNow()));
        await db.SaveChangesAsync(ct);
        store.Invalidate();
    }
}
