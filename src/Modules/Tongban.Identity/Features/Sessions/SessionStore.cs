using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Tongban.Identity.Data;
using Tongban.Identity.Domain;
using Tongban.Identity.Features.SignIn;

namespace Tongban.Identity.Features.Sessions;

/// <summary>
/// Checks on each request that the cookie's session is open: a cached answer for a few seconds, so a request
/// costs a memory lookup; the database is read at most every <see cref="CacheFor"/> and written at most once a minute
/// (last seen). Ending sessions forgets them here at once; other instances notice within <see cref="CacheFor"/>.
/// </summary>
internal sealed class SessionStore(IMemoryCache cache, IServiceScopeFactory scopes, TimeProvider clock, IOptions<IdentityModuleOptions> options)
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan TouchEvery = TimeSpan.FromMinutes(1);


    public void Forget(Guid session) => cache.Remove(Key(session));

    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var store = context.HttpContext.RequestServices.GetRequiredService<SessionStore>();
        if (!await store.IsValidAsync(context.Principal!, context.HttpContext.RequestAborted))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }
    }

    private async Task<bool> IsValidAsync(System.Security.Claims.ClaimsPrincipal principal, CancellationToken ct)
    {
        // A principal without a session comes from the development sign-in (ADR 0006): valid only while it is on.
        if (principal.FindFirst(AccountClaims.Session)?.Value is not { } value) return options.Value.DevelopmentSignIn;
        if (!Guid.TryParse(value, out var id)) return false;
        var now = clock.GetUtcNow();
        if (cache.TryGetValue(Key(id), out bool cached)) return cached;

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AccountsDbContext>();
        var session = await db.Sessions.SingleOrDefaultAsync(s => s.Id == id, ct);
        var open = session is not null && session.IsOpen(now);
        if (open && now - session!.LastSeenAt >= TouchEvery)
        {
            session.Touch(now);
            await db.SaveChangesAsync(ct);
        }
        cache.Set(Key(id), open, CacheFor);
        return open;
    }

    /// <summary>Ends every open session of an account ("sign out everywhere"), or all but <paramref name="keep"/>.</summary>
    public async Task<int> EndAllAsync(AccountsDbContext db, Guid account, Guid? keep, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var open = await db.Sessions.Where(s => s.AccountId == account && s.EndedAt == null).ToListAsync(ct);
        foreach (var s in open.Where(s => s.Id != keep))
        {
            s.End(now);
            Forget(s.Id);
        }
        await db.SaveChangesAsync(ct);
        return open.Count(s => s.Id != keep);
    }

    public async Task EndAsync(AccountsDbContext db, Guid session, CancellationToken ct)
    {
        var s = await db.Sessions.SingleOrDefaultAsync(x => x.Id == session, ct);
        if (s is null) return;
        s.End(clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        Forget(session);
    }

    private static string Key(Guid session) => $"idn-session:{session}";
}
