using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using Tongban.Identity.Data;
using Tongban.Kernel.Audit;
using Tongban.Kernel.Outbox;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Tongban.Identity.Features.OpenIdConnect;

/// <summary>
/// The authorization endpoint after OpenIddict checked the request (client, registered redirect URI, PKCE, scopes):
/// a person not signed in goes to /account/sign-in and comes back; then a consent page lists what the client will get,
/// unless the person already allowed it (a permanent authorization, revocable at /account/apps).
/// </summary>
internal sealed class AuthorizeModel(IOpenIddictApplicationManager applications, IOpenIddictAuthorizationManager authorizations,
    AccountPrincipals accounts, AccountsDbContext db, TimeProvider clock) : PageModel
{
    public string ClientName { get; private set; } = "";
    public IReadOnlyList<(string Scope, string Chinese, string English)> Items { get; private set; } = [];
    public IReadOnlyList<KeyValuePair<string, string>> Parameters { get; private set; } = [];

    public Task<IActionResult> OnGetAsync(CancellationToken ct) => DecideAsync(allowed: false, ct);

    public Task<IActionResult> OnPostAllowAsync(CancellationToken ct) => DecideAsync(allowed: true, ct);

    public IActionResult OnPostDeny() => Refuse(Errors.AccessDenied, "您拒绝了授权", "You did not allow it");

    private async Task<IActionResult> DecideAsync(bool allowed, CancellationToken ct)
    {
        var request = HttpContext.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        var account = await accounts.FindAsync(User.AccountId()?.ToString(), ct);
        if (account is null)
        {
            // Only a real sign-in (a session of an account) counts; staff sessions exist only after their authenticator code.
            if (request.HasPromptValue(PromptValues.None)) return Refuse(Errors.LoginRequired, "请先登录", "Sign in first");
            return Redirect("/account/sign-in?ReturnUrl=" + Uri.EscapeDataString(Request.PathBase + Request.Path + QueryString.Create(Request.Query)));
        }

        var application = await applications.FindByClientIdAsync(request.ClientId!, ct) ?? throw new InvalidOperationException("OpenIddict checked the client.");
        var applicationId = await applications.GetIdAsync(application, ct);
        var subject = account.Id.ToString();
        var scopes = request.GetScopes();
        object? authorization = null;
        await foreach (var existing in authorizations.FindAsync(subject, applicationId, Statuses.Valid, AuthorizationTypes.Permanent, scopes, ct))
            authorization ??= existing;

        if (authorization is null || (request.HasPromptValue(PromptValues.Consent) && !allowed))
        {
            if (!allowed)
            {
                if (request.HasPromptValue(PromptValues.None)) return Refuse(Errors.ConsentRequired, "需要您的同意", "Your consent is needed");
                ClientName = await applications.GetLocalizedDisplayNameAsync(application, ct) ?? request.ClientId!;
                Items = OidcScopes.All.Where(s => scopes.Contains(s.Scope)).ToList();
                Parameters = Request.Query.SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string>(p.Key, v ?? ""))).ToList();
                return Page();
            }
            var identity = AccountPrincipals.For(account, scopes, null).Identities.Single();
            authorization = await authorizations.CreateAsync(identity, subject, applicationId!, AuthorizationTypes.Permanent, scopes, ct);
            db.Audit(new AuditRecord($"account:{account.Id}", "identity.consent_given", $"account:{account.MaskedIdNumber}",
                $"client {request.ClientId}: {string.Join(' ', scopes)}", clock.GetUtcNow()));
            await db.SaveChangesAsync(ct);
        }
        return SignIn(AccountPrincipals.For(account, scopes, await authorizations.GetIdAsync(authorization, ct)),
            OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private ForbidResult Refuse(string error, string chinese, string english) =>
        Forbid(OpenIdConnectEndpoints.Properties(error, chinese, english), OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
}
