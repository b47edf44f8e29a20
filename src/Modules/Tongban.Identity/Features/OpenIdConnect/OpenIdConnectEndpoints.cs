using Microsoft.AspNetCore;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using Tongban.Identity.Data;
using Tongban.Identity.Features.ManageClients;
using Tongban.Identity.Features.Sessions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Tongban.Identity.Features.OpenIdConnect;

/// <summary>
/// The endpoints OpenIddict validates and then passes through to us: token (what a grant yields), userinfo and
/// end session. The authorization endpoint is a page (<c>Authorize.cshtml</c>) because it may ask for consent.
/// </summary>
internal static class OpenIdConnectEndpoints
{
    private const string Server = OpenIddictServerAspNetCoreDefaults.AuthenticationScheme;

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/connect/token", TokenAsync).DisableAntiforgery().ExcludeFromDescription();
        endpoints.MapMethods("/connect/userinfo", ["GET", "POST"], UserInfoAsync).DisableAntiforgery().ExcludeFromDescription();
        endpoints.MapMethods("/connect/endsession", ["GET", "POST"], EndSessionAsync).DisableAntiforgery().ExcludeFromDescription();
    }

    private static async Task<IResult> TokenAsync(HttpContext http, IOpenIddictApplicationManager applications, AccountPrincipals accounts, CancellationToken ct)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        if (request.IsClientCredentialsGrantType())
        {
            var application = await applications.FindByClientIdAsync(request.ClientId!, ct);
            var department = application is null ? null : await ClientRegistrations.DepartmentAsync(applications, application, ct);
            if (department is null)
                return Refuse(Errors.UnauthorizedClient, "此客户端未登记所属部门，不能以系统身份取得令牌", "This client has no department registered, so it cannot get a system token");
            var identity = new ClaimsIdentity(Server, Claims.Name, Claims.Role);
            identity.SetClaim(Claims.Subject, request.ClientId).SetClaim(Kernel.Security.ClientClaims.Department, department);
            identity.SetDestinations(_ => [Destinations.AccessToken]);
            return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: Server);
        }

        // Authorization code or refresh token: the account is read again, so a changed name or level shows and a removed account gets nothing.
        var granted = (await http.AuthenticateAsync(Server)).Principal;
        var account = await accounts.FindAsync(granted?.GetClaim(Claims.Subject), ct);
        if (granted is null || account is null)
            return Refuse(Errors.InvalidGrant, "该账号已不存在", "The account no longer exists");
        return Results.SignIn(AccountPrincipals.For(account, granted.GetScopes(), granted.GetAuthorizationId()), authenticationScheme: Server);
    }

    private static async Task<IResult> UserInfoAsync(HttpContext http, AccountPrincipals accounts, CancellationToken ct)
    {
        var token = (await http.AuthenticateAsync(Server)).Principal;
        var account = await accounts.FindAsync(token?.GetClaim(Claims.Subject), ct);
        if (token is null || account is null)
            return Results.Challenge(Properties(Errors.InvalidToken, "令牌所指的账号已不存在", "The token's account no longer exists"), [Server]);
        return Results.Json(AccountPrincipals.UserInfo(account, token));
    }

    /// <summary>RP-initiated logout: ends this browser's Tongban session, then OpenIddict returns to the registered post-logout URI.</summary>
    private static async Task<IResult> EndSessionAsync(HttpContext http, SessionStore sessions, AccountsDbContext db, CancellationToken ct)
    {
        if (http.User.SessionId() is { } session) await sessions.EndAsync(db, session, ct);
        await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return Results.SignOut(new AuthenticationProperties { RedirectUri = "/" }, [Server]);
    }

    public static IResult Refuse(string error, string chinese, string english) =>
        Results.Forbid(Properties(error, chinese, english), [Server]);

    /// <summary>An OAuth error for OpenIddict to answer, its description in the reader's language.</summary>
    public static AuthenticationProperties Properties(string error, string chinese, string english) => new(new Dictionary<string, string?>
    {
        [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
        [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = Kernel.Localization.Text.T(chinese, english),
    });
}
