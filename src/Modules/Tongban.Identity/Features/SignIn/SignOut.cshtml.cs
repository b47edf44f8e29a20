using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongban.Identity.Data;
using Tongban.Identity.Features.Sessions;

namespace Tongban.Identity.Features.SignIn;

/// <summary>Ends this browser's session (the row, not only the cookie).</summary>
internal sealed class SignOutModel(AccountsDbContext db, SessionStore sessions) : PageModel
{
    public IActionResult OnGet() => Redirect("/");

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (User.SessionId() is { } session) await sessions.EndAsync(db, session, ct);
        await HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return LocalRedirect("/");
    }
}
