using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.EntityFrameworkCore.Models;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Tongban.Identity.Features.OpenIdConnect;

/// <summary>The lean path's tokens: made as OpenIddict makes them, and the answer as OpenIddict writes it (ADR 0011).</summary>
internal sealed partial class RefreshGrants
{
    private sealed record Issued(string AccessToken, DateTimeOffset AccessExpires, string? IdentityToken, string RefreshToken, Redemptions.NewEntry[] Entries);

    /// <summary>Who the tokens are for: the client (its entry's key and its id) and the issuer they name.</summary>
    private sealed record Audience(Guid Application, string ClientId, string Issuer);

    /// <summary>
    /// The access, ID and refresh tokens OpenIddict would make for this principal: the same claims (the principal's by
    /// their destinations, OpenIddict's internal ones inherited from the presented token), types, keys and lifetimes.
    /// </summary>
    private Issued Issue(System.Security.Claims.ClaimsPrincipal principal, Presented token, Audience to, SigningCredentials identityTokenSigning, DateTimeOffset now)
    {
        var (application, clientId, issuer) = (to.Application, to.ClientId, to.Issuer);
        var o = server.Value;
        var (accessLifetime, identityLifetime, refreshLifetime) = (o.AccessTokenLifetime!.Value, o.IdentityTokenLifetime!.Value, o.RefreshTokenLifetime!.Value);
        var access = Entry(TokenTypeIdentifiers.AccessToken, token.Subject, now, now + accessLifetime);
        var refresh = Entry(TokenTypeIdentifiers.RefreshToken, token.Subject, now, now + refreshLifetime);

        var accessClaims = new Dictionary<string, object>(StringComparer.Ordinal);
        var identityClaims = new Dictionary<string, object>(StringComparer.Ordinal);
        var refreshClaims = new Dictionary<string, object>(StringComparer.Ordinal);
        var destinations = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var claim in principal.Claims.Where(c => !c.Type.StartsWith(Claims.Prefixes.Private, StringComparison.Ordinal)))
        {
            var into = claim.GetDestinations();
            var value = ValueOf(claim);
            if (into.Contains(Destinations.AccessToken)) accessClaims[claim.Type] = value;
            if (into.Contains(Destinations.IdentityToken)) identityClaims[claim.Type] = value;
            if (into.Length > 0) destinations[claim.Type] = [.. into];
            refreshClaims[claim.Type] = value;
        }

        if (principal.GetResources() is { Length: > 0 } audiences) accessClaims[Claims.Audience] = audiences.Length == 1 ? audiences[0] : audiences.ToArray();
        accessClaims[Claims.Scope] = string.Join(' ', token.Scopes);
        accessClaims[Claims.JwtId] = Guid.NewGuid().ToString();
        accessClaims[Claims.ClientId] = clientId;
        accessClaims[Claims.Private.AuthorizationId] = token.InheritedClaims[Claims.Private.AuthorizationId];
        accessClaims[Claims.Private.Presenter] = token.InheritedClaims[Claims.Private.Presenter];
        accessClaims[Claims.Private.TokenId] = access.Id.ToString();
        var accessToken = Create(accessClaims, JsonWebTokenTypes.AccessToken, issuer, now, now + accessLifetime, encrypt: false);

        string? identityToken = null;
        if (token.Scopes.Contains(Scopes.OpenId))
        {
            identityClaims[Claims.Audience] = token.InheritedClaims[Claims.Private.Presenter];
            identityClaims[Claims.AuthorizedParty] = clientId;
            identityClaims[Claims.Private.AuthorizationId] = token.InheritedClaims[Claims.Private.AuthorizationId];
            identityClaims[Claims.AccessTokenHash] = Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(accessToken)).AsSpan(0, 16).ToArray());
            identityToken = Create(identityClaims, JwtConstants.HeaderType, issuer, now, now + identityLifetime, encrypt: false, identityTokenSigning);
        }

        refreshClaims[Claims.Private.ClaimDestinationsMap] = JsonSerializer.SerializeToElement(destinations);
        foreach (var (name, value) in token.InheritedClaims) refreshClaims[name] = value;
        refreshClaims[Claims.Private.TokenId] = refresh.Id.ToString();
        var refreshToken = Create(refreshClaims, JsonWebTokenTypes.Private.RefreshToken, issuer, now, now + refreshLifetime, encrypt: true);

        return new Issued(accessToken, now + accessLifetime, identityToken, refreshToken,
            [new(access, application, token.AuthorizationId), new(refresh, application, token.AuthorizationId)]);
    }

    private static OpenIddictEntityFrameworkCoreToken<Guid> Entry(string type, string subject, DateTimeOffset created, DateTimeOffset expires) => new()
    {
        Id = Guid.NewGuid(),
        Type = type,
        Status = Statuses.Valid,
        Subject = subject,
        CreationDate = created.UtcDateTime,
        ExpirationDate = expires.UtcDateTime,
    };

    /// <summary>A claim's value as OpenIddict writes it: a number for the integer types (<c>auth_time</c>), else the string.</summary>
    private static object ValueOf(System.Security.Claims.Claim claim) =>
        claim.ValueType is System.Security.Claims.ClaimValueTypes.Integer or System.Security.Claims.ClaimValueTypes.Integer32 or System.Security.Claims.ClaimValueTypes.Integer64
        && long.TryParse(claim.Value, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var number)
            ? number : claim.Value;

    private string Create(Dictionary<string, object> claims, string type, string issuer, DateTimeOffset issued, DateTimeOffset expires, bool encrypt,
        SigningCredentials? signing = null) =>
        _tokens.CreateToken(new SecurityTokenDescriptor
        {
            Claims = claims,
            Issuer = issuer,
            IssuedAt = issued.UtcDateTime,
            Expires = expires.UtcDateTime,
            TokenType = type,
            SigningCredentials = signing ?? server.Value.SigningCredentials[0],
            EncryptingCredentials = encrypt ? server.Value.EncryptionCredentials[0] : null,
        });

    /// <summary>The token response as OpenIddict writes it (RFC 6749 §5.1): never cached.</summary>
    private static async Task WriteAsync(HttpResponse response, Issued issued, System.Collections.Immutable.ImmutableArray<string> scopes, DateTimeOffset now)
    {
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json;charset=UTF-8";
        response.Headers.CacheControl = "no-store";
        response.Headers.Pragma = "no-cache";
        await using var json = new Utf8JsonWriter(response.Body);
        json.WriteStartObject();
        json.WriteString(Parameters.AccessToken, issued.AccessToken);
        json.WriteString(Parameters.TokenType, TokenTypes.Bearer);
        json.WriteNumber(Parameters.ExpiresIn, (long)(issued.AccessExpires - now).TotalSeconds);
        json.WriteString(Parameters.Scope, string.Join(' ', scopes));
        if (issued.IdentityToken is not null) json.WriteString(Parameters.IdToken, issued.IdentityToken);
        json.WriteString(Parameters.RefreshToken, issued.RefreshToken);
        json.WriteEndObject();
    }
}
