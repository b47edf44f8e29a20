using Microsoft.AspNetCore;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using Tongban.Identity.Features.ManageClients;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Tongban.Identity.Features.OpenIdConnect;

/// <summary>
/// The endpoints OpenIddict validates and then passes through to us: token (what a grant yields) and userinfo. The
/// authorization and end-session endpoints are pages (<c>Authorize.cshtml</c>, <c>EndSession.cshtml</c>): they may ask the person.
/// </summary>
internal static class OpenIdConnectEndpoints
{
    private const string Server = OpenIddictServerAspNetCoreDefaults.AuthenticationScheme;

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/connect/token", TokenAsync).DisableAntiforgery().ExcludeFromDescription();
        endpoints.MapMethods("/connect/userinfo", ["GET", "POST"], UserInfoAsync).DisableAntiforgery().ExcludeFromDescription();
    }

    private static async Task<IResult> TokenAsync(HttpContext http, IOpenIddictApplicationManager applications, AccountPrincipals accounts, CancellationToken ct)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        if (request.IsClientCredentialsGrantType())
        {
            var application = await applications.FindByClientIdAsync(request.ClientId!, ct);
            var department = application is null ? null : await ClientRegistrations.DepartmentAsync(applications, application, ct);
            if (department is null)
                return Refuse(Errors.UnauthorizedClient, "This client has no department registered, so it cannot get a system token");
            var identity = new ClaimsIdentity(Server, Claims.Name, Claims.Role);
            identity.SetClaim(Claims.Subject, request.ClientId).SetClaim(Kernel.Security.ClientClaims.Department, department);
            identity.SetResources(Audiences.Exchange);
            identity.SetDestinations(_ => [Destinations.AccessToken]);
            return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: Server);
        }

        // Authorization code or refresh token: the account is read again, so a changed name or level shows and a removed account gets nothing.
        var granted = (await http.AuthenticateAsync(Server)).Principal;
        var account = await accounts.FindAsync(granted?.GetClaim(Claims.Subject), ct);
        if (granted is null || account is null)
            return Refuse(Errors.InvalidGrant, "The account no longer exists");
        return Results.SignIn(AccountPrincipals.For(account, granted.GetScopes(), granted.GetAuthorizationId(), AccountPrincipals.AuthenticatedAt(granted)),
            authenticationScheme: Server);
    }

    /// <summary>
    /// The person's claims, for an access token issued for userinfo (RFC 9068 audience) to a client still enabled; a system's
    /// token, one of a disabled client, or one whose account is gone is refused as <c>invalid_token</c>.
    /// </summary>
    private static async Task<IResult> UserInfoAsync(HttpContext http, AccountPrincipals accounts, ClientStatus clients, CancellationToken ct)
    {
        var token = (await http.AuthenticateAsync(Server)).Principal;
        if (token is null || !token.GetAudiences().Contains(Audiences.UserInfo) || !await clients.IsEnabledAsync(token.GetClaim(Claims.ClientId), ct))
            return Results.Challenge(Properties(Errors.InvalidToken, "The access token is not for userinfo, or its client is disabled"), [Server]);
        var account = await accounts.FindAsync(token.GetClaim(Claims.Subject), ct);
        if (account is null)
            return Results.Challenge(Properties(Errors.InvalidToken, "The token's account no longer exists"), [Server]);
        return Results.Json(AccountPrincipals.UserInfo(account, token));
    }

    public static IResult Refuse(string error, string description) => Results.Forbid(Properties(error, description), [Server]);

    /// <summary>
    /// An OAuth error for OpenIddict to answer. The description is for the client's developer, in English: RFC 6749 §5.2
    /// allows only ASCII in <c>error_description</c>; what a person reads is on our pages, in both languages.
    /// </summary>
    public static AuthenticationProperties Properties(string error, string description) => new(new Dictionary<string, string?>
    {
        [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
        [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
    });
}
