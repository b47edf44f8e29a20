using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenIddict.Abstractions;
using Tongban.Identity.Data;
using Tongban.Identity.Features.OpenIdConnect;
using Tongban.Kernel.Audit;
using Tongban.Kernel.Outbox;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Tongban.Identity.Features.MyApps;

internal sealed record AllowedApp(string AuthorizationId, string Name, IReadOnlyList<(string Scope, string Chinese, string English)> Items, DateTimeOffset? Since);

/// <summary>Apps I allowed: my consents (permanent authorizations); revoking one also revokes its tokens.</summary>
[Authorize]
internal sealed class MyAppsModel(IOpenIddictAuthorizationManager authorizations, IOpenIddictApplicationManager applications,
    IOpenIddictTokenManager tokens, AccountPrincipals accounts, AccountsDbContext db, TimeProvider clock) : PageModel
{
    public IReadOnlyList<AllowedApp> Apps { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (User.AccountId() is not { } id) return Forbid();
        var list = new List<AllowedApp>();
        await foreach (var authorization in authorizations.FindBySubjectAsync(id.ToString(), ct))
        {
            if (!await authorizations.HasStatusAsync(authorization, Statuses.Valid, ct) || !await authorizations.HasTypeAsync(authorization, AuthorizationTypes.Permanent, ct)) continue;
            var application = await applications.FindByIdAsync((await authorizations.GetApplicationIdAsync(authorization, ct))!, ct);
            var scopes = await authorizations.GetScopesAsync(authorization, ct);
            list.Add(new AllowedApp((await authorizations.GetIdAsync(authorization, ct))!,
                application is null ? "?" : await applications.GetLocalizedDisplayNameAsync(application, ct) ?? "?",
                OidcScopes.All.Where(s => scopes.Contains(s.Scope)).ToList(), await authorizations.GetCreationDateAsync(authorization, ct)));
        }
        Apps = list.OrderByDescending(a => a.Since).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(string authorizationId, CancellationToken ct)
    {
        var account = await accounts.FindAsync(User.AccountId()?.ToString(), ct);
        var authorization = await authorizations.FindByIdAsync(authorizationId, ct);
        if (account is null || authorization is null || await authorizations.GetSubjectAsync(authorization, ct) != account.Id.ToString()) return NotFound();
        await authorizations.TryRevokeAsync(authorization, ct);
        await tokens.RevokeByAuthorizationIdAsync(authorizationId, ct);
        var client = await applications.FindByIdAsync((await authorizations.GetApplicationIdAsync(authorization, ct))!, ct);
        db.Audit(new AuditRecord($"account:{account.Id}", "identity.consent_revoked", $"account:{account.MaskedIdNumber}",
            $"client {(client is null ? "?" : await applications.GetClientIdAsync(client, ct))}", clock.GetUtcNow()));
        await db.SaveChangesAsync(ct);
        return Redirect("/account/apps");
    }
}
