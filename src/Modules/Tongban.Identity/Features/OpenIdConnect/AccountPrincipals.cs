using System.Collections.Immutable;
using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using Tongban.Identity.Data;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Tongban.Identity.Features.OpenIdConnect;

/// <summary>
/// The principal a token carries for a person: the subject (the account id, stable, never the ID number) and, with the
/// profile scope, the name and real-name level in the ID token. The ID number is never put in a token: a client allowed
/// <see cref="OidcScopes.IdNumber"/> reads it from userinfo.
/// </summary>
internal sealed class AccountPrincipals(AccountsDbContext db)
{
    public Task<Account?> FindAsync(string? subject, CancellationToken ct) =>
        Guid.TryParse(subject, out var id) ? db.Users.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, ct) : Task.FromResult<Account?>(null);

    /// <summary>The claims <see cref="For"/> puts in a principal (the lean refresh path knows a token by them).</summary>
    public static readonly string[] ClaimTypes = [Claims.Subject, Claims.Name, OidcScopes.RealNameLevelClaim, Claims.AuthenticationTime];

    /// <summary>
    /// The person's principal: its access token for userinfo (<see cref="Audiences.UserInfo"/>), and <c>auth_time</c> — when
    /// they last proved who they are — always in the ID token (OpenID Connect Core §2), carried unchanged by refresh tokens.
    /// </summary>
    public static ClaimsPrincipal For(Account account, ImmutableArray<string> scopes, string? authorizationId, long? authenticatedAt)
    {
        var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, account.Id.ToString())
            .SetClaim(Claims.Name, account.Name)
            .SetClaim(OidcScopes.RealNameLevelClaim, Level(account));
        if (authenticatedAt is { } at) identity.SetClaim(Claims.AuthenticationTime, at);
        identity.SetScopes(scopes);
        identity.SetResources(Audiences.UserInfo);
        identity.SetAuthorizationId(authorizationId);
        identity.SetDestinations(claim => claim.Type switch
        {
            Claims.Subject => [Destinations.AccessToken, Destinations.IdentityToken],
            Claims.AuthenticationTime => [Destinations.IdentityToken],
            Claims.Name or OidcScopes.RealNameLevelClaim when scopes.Contains(Scopes.Profile) => [Destinations.IdentityToken],
            _ => [],
        });
        return new ClaimsPrincipal(identity);
    }

    /// <summary>The <c>auth_time</c> a token carries (seconds since 1970), or null.</summary>
    public static long? AuthenticatedAt(ClaimsPrincipal? token) =>
        long.TryParse(token?.GetClaim(Claims.AuthenticationTime), NumberStyles.None, CultureInfo.InvariantCulture, out var at) ? at : null;

    /// <summary>What userinfo answers for the scopes the token was granted.</summary>
    public static Dictionary<string, object> UserInfo(Account account, ClaimsPrincipal token)
    {
        var claims = new Dictionary<string, object>(StringComparer.Ordinal) { [Claims.Subject] = account.Id.ToString() };
        if (token.HasScope(Scopes.Profile))
        {
            claims[Claims.Name] = account.Name;
            claims[OidcScopes.RealNameLevelClaim] = Level(account);
        }
        if (token.HasScope(OidcScopes.IdNumber)) claims[OidcScopes.IdNumberClaim] = account.IdNumber;
        return claims;
    }

    private static string Level(Account account) => ((int)account.Level).ToString(CultureInfo.InvariantCulture);
}
