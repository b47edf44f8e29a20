using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using Tongban.Identity.Data;
using Tongban.Identity.Features.Sessions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Tongban.Identity.Features.OpenIdConnect;

/// <summary>
/// RP-initiated logout (OpenID Connect RP-Initiated Logout §2, §3) after OpenIddict checked the request (a registered
/// post-logout URI; an <c>id_token_hint</c> signed by us, else refused). With the signed-in person's own ID token as the
/// hint, their session ends at once and OpenIddict returns to the client. Without a hint, or with someone else's, the
/// person is asked first — a link or image on another site cannot sign them out — and the confirmation posts with the
/// page's antiforgery token. Nobody signed in: nothing to end, straight back.
/// </summary>
[IgnoreAntiforgeryToken]
internal sealed class EndSessionModel(SessionStore sessions, AccountsDbContext db, IAntiforgery antiforgery) : PageModel
{
    private const string Server = OpenIddictServerAspNetCoreDefaults.AuthenticationScheme;

    public IReadOnlyList<KeyValuePair<string, string>> Parameters { get; private set; } = [];

    public Task<IActionResult> OnGetAsync(CancellationToken ct) => DecideAsync(ct);

    public Task<IActionResult> OnPostAsync(CancellationToken ct) => DecideAsync(ct);

    public async Task<IActionResult> OnPostConfirmAsync(CancellationToken ct) =>
        await antiforgery.IsRequestValidAsync(HttpContext) ? await EndAsync(ct) : BadRequest();

    private async Task<IActionResult> DecideAsync(CancellationToken ct)
    {
        var hint = (await HttpContext.AuthenticateAsync(Server)).Principal;
        if (User.Identity?.IsAuthenticated != true || (User.AccountId() is { } account && hint?.GetClaim(Claims.Subject) == account.ToString()))
            return await EndAsync(ct);
        Parameters = [.. RequestParameters.Of(Request)];
        return Page();
    }

    /// <summary>Ends this browser's session (the row, not only the cookie), then OpenIddict returns to the registered post-logout URI, if one was given.</summary>
    private async Task<IActionResult> EndAsync(CancellationToken ct)
    {
        if (User.SessionId() is { } session) await sessions.EndAsync(db, session, ct);
        await HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return SignOut(new AuthenticationProperties { RedirectUri = "/" }, Server);
    }
}
