using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Tongban.Identity.Features.OpenIdConnect;

/// <summary>
/// The authorization endpoint after OpenIddict checked the request (client, registered redirect URI, PKCE, scopes), by
/// GET or form POST: a person not signed in — or signed in longer ago than <c>prompt=login</c> or <c>max_age</c> allows —
/// goes to /account/sign-in and comes back; then a consent page lists what the client will get, unless the person
/// already allowed it (a permanent authorization, revocable at /account/apps). The request itself comes from another
/// site, so the page takes it without an antiforgery token; the consent buttons post with the page's token, checked here.
/// </summary>
[IgnoreAntiforgeryToken]
internal sealed class AuthorizeModel(IOpenIddictApplicationManager applications, AccountPrincipals accounts, Consents consents,
    SignInFreshness freshness, IAntiforgery antiforgery) : PageModel
{
    public string ClientName { get; private set; } = "";
    public IReadOnlyList<(string Scope, string Chinese, string English)> Items { get; private set; } = [];
    public IReadOnlyList<KeyValuePair<string, string>> Parameters { get; private set; } = [];

    public Task<IActionResult> OnGetAsync(CancellationToken ct) => DecideAsync(allowed: false, ct);

    public Task<IActionResult> OnPostAsync(CancellationToken ct) => DecideAsync(allowed: false, ct);

    public async Task<IActionResult> OnPostAllowAsync(CancellationToken ct) =>
        await antiforgery.IsRequestValidAsync(HttpContext) ? await DecideAsync(allowed: true, ct) : BadRequest();

    public async Task<IActionResult> OnPostDenyAsync() =>
        await antiforgery.IsRequestValidAsync(HttpContext) ? Refuse(Errors.AccessDenied, "The person did not allow it") : BadRequest();

    private async Task<IActionResult> DecideAsync(bool allowed, CancellationToken ct)
    {
        var request = HttpContext.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        // Only a real sign-in (a session of an account) counts; staff sessions exist only after their authenticator code.
        var account = await accounts.FindAsync(User.AccountId()?.ToString(), ct);
        var authenticatedAt = account is null ? null : await freshness.AuthenticatedAtAsync(User, ct);
        if (account is null || authenticatedAt is null || freshness.NeedsNewSignIn(request, authenticatedAt.Value))
        {
            if (request.HasPromptValue(PromptValues.None)) return Refuse(Errors.LoginRequired, "The person must sign in");
            var back = QueryHelpers.AddQueryString(Request.PathBase + Request.Path, freshness.WayBack(RequestParameters.Of(Request)));
            return Redirect("/account/sign-in?ReturnUrl=" + Uri.EscapeDataString(back));
        }

        var application = await applications.FindByClientIdAsync(request.ClientId!, ct) ?? throw new InvalidOperationException("OpenIddict checked the client.");
        var applicationId = (await applications.GetIdAsync(application, ct))!;
        var scopes = request.GetScopes();
        var authorization = await consents.FindAsync(account, applicationId, scopes, ct);
        if (authorization is null || (request.HasPromptValue(PromptValues.Consent) && !allowed))
        {
            if (!allowed)
            {
                if (request.HasPromptValue(PromptValues.None)) return Refuse(Errors.ConsentRequired, "The person's consent is needed");
                ClientName = await applications.GetLocalizedDisplayNameAsync(application, ct) ?? request.ClientId!;
                Items = OidcScopes.All.Where(s => scopes.Contains(s.Scope)).ToList();
                Parameters = RequestParameters.Of(Request).ToList();
                return Page();
            }
            authorization = await consents.GiveAsync(account, applicationId, request.ClientId!, scopes, ct);
        }
        return SignIn(AccountPrincipals.For(account, scopes, authorization, authenticatedAt.Value.ToUnixTimeSeconds()),
            OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private ForbidResult Refuse(string error, string description) =>
        Forbid(OpenIdConnectEndpoints.Properties(error, description), OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
}
