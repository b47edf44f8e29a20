using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Tongban.Identity.Data;

namespace Tongban.Identity.Features.Sessions;

internal sealed record SessionRow(Guid Id, string UserAgent, DateTimeOffset StartedAt, DateTimeOffset LastSeenAt, bool Current);

/// <summary>My open sessions (device, started, last seen); end one, or sign out everywhere.</summary>
[Authorize]
internal sealed class MySessionsModel(AccountsDbContext db, SessionStore sessions, TimeProvider clock) : PageModel
{
    public IReadOnlyList<SessionRow> Sessions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (User.AccountId() is not { } id) return Forbid();
        var now = clock.GetUtcNow();
        var current = User.SessionId();
        var open = await db.Sessions.AsNoTracking().Where(s => s.AccountId == id && s.EndedAt == null).ToListAsync(ct);
        Sessions = open.Where(s => s.IsOpen(now)).OrderByDescending(s => s.LastSeenAt)
            .Select(s => new SessionRow(s.Id, s.UserAgent, s.StartedAt, s.LastSeenAt, s.Id == current)).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostEndAsync(Guid session, CancellationToken ct)
    {
        if (User.AccountId() is not { } id) return Forbid();
        if (await db.Sessions.AnyAsync(s => s.Id == session && s.AccountId == id, ct)) await sessions.EndAsync(db, session, ct);
        return Redirect("/account/sessions");
    }

    public async Task<IActionResult> OnPostEverywhereAsync(CancellationToken ct)
    {
        if (User.AccountId() is not { } id) return Forbid();
        await sessions.EndAllAsync(db, id, keep: null, ct);
        await HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return Redirect("/account/sign-in");
    }
}
