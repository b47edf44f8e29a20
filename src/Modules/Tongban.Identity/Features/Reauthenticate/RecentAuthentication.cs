using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tongban.Identity.Data;
using Tongban.Kernel.Audit;
using Tongban.Kernel.Outbox;

namespace Tongban.Identity.Features.Reauthenticate;

/// <summary>
/// Changing a password, the phone or the e-mail address, or making new recovery codes, needs the person to have proved
/// who they are within the last few minutes (<c>Identity:ReauthenticationWindow</c>, 5): by the session's sign-in, or by
/// confirming at <see cref="Path"/> — the password, or for staff the authenticator code (or a recovery code). A stolen
/// session alone changes no credential. The time is the session's (<c>idn_sessions.authenticated_at</c>, also OpenID
/// Connect's <c>auth_time</c>).
/// </summary>
internal sealed class RecentAuthentication(AccountsDbContext db, TimeProvider clock, IOptions<IdentityModuleOptions> options, IHttpContextAccessor http)
{
    public const string Path = "/account/confirm";

    public static string ConfirmUrl(string returnUrl) => Path + "?ReturnUrl=" + Uri.EscapeDataString(returnUrl);

    public async Task<bool> IsRecentAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        if (user.SessionId() is not { } id) return false;
        var session = await db.Sessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct);
        return session is not null && session.AuthenticatedWithin(options.Value.ReauthenticationWindow, clock.GetUtcNow());
    }

    /// <summary>The person proved who they are again (checked by the caller): the session's time moves to now; audited.</summary>
    public async Task ConfirmedAsync(ClaimsPrincipal user, Account account, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var session = await db.Sessions.SingleAsync(s => s.Id == user.SessionId(), ct);
        session.Reauthenticated(now);
        db.Audit(new AuditRecord($"account:{account.Id}", "identity.reauthenticated", $"account:{account.MaskedIdNumber}", $"from {ClientAddress.Of(http.HttpContext)}", now));
        await db.SaveChangesAsync(ct);
    }
}
