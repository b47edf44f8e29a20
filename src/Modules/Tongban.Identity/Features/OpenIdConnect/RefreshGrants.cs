using System.Collections.Frozen;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.EntityFrameworkCore.Models;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;
using Tongban.Identity.Data;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Tongban.Identity.Features.OpenIdConnect;

/// <summary>
/// The lean path for the commonest token request: a client presenting a valid refresh token of ours, in the plain
/// form (<c>grant_type</c>, <c>refresh_token</c>, <c>client_id</c>, <c>client_secret</c> in the body). It does what
/// OpenIddict's pipeline does for such a request — authenticates the client, validates the token and its entry and
/// authorization, reads the account again, redeems the token and writes the new entries in one transaction, and
/// answers with tokens in OpenIddict's own format — without walking its several hundred event handlers (ADR 0011).
/// <para>
/// It only ever answers a request it can prove good. Anything else — another parameter or client authentication
/// method, an unknown client, a wrong secret, a token that does not validate, an entry already redeemed or revoked,
/// a claim it does not know, an account gone, a redemption lost to a concurrent request — it leaves untouched for
/// OpenIddict, which answers with the error the specification names, revokes the chain of a reused token and audits
/// the refusal. So the errors, reuse detection and every other grant stay OpenIddict's alone.
/// </para>
/// </summary>
internal sealed partial class RefreshGrants(IOptions<OpenIddictServerOptions> server, IOptions<OpenIddictServerAspNetCoreOptions> host, IOptions<OpenIdConnectOptions> options,
    Redemptions redemptions, ILogger<RefreshGrants> logger)
{
    private static readonly FrozenSet<string> Plain = FrozenSet.ToFrozenSet([Parameters.GrantType, Parameters.RefreshToken, Parameters.ClientId, Parameters.ClientSecret], StringComparer.Ordinal);

    /// <summary>OpenIddict's internal claims a new refresh token inherits from the one presented.</summary>
    private static readonly string[] Inherited =
    [
        Claims.Private.Scope, Claims.Private.AuthorizationId, Claims.Private.Presenter, Claims.Private.Resource,
        Claims.Private.RedirectUri, Claims.Private.CodeChallenge, Claims.Private.CodeChallengeMethod,
    ];

    /// <summary>The claims our refresh tokens carry. A token with any other (a per-token lifetime, resources, …) goes to OpenIddict.</summary>
    private static readonly FrozenSet<string> Known = FrozenSet.ToFrozenSet(
    [
        Claims.Issuer, Claims.IssuedAt, Claims.ExpiresAt, .. AccountPrincipals.ClaimTypes,
        Claims.Private.ClaimDestinationsMap, Claims.Private.TokenId, .. Inherited,
    ], StringComparer.Ordinal);

    private readonly JsonWebTokenHandler _tokens = new() { SetDefaultTimesOnTokenCreation = false };
    private readonly Lazy<TokenValidationParameters> _validation = new(() => new TokenValidationParameters
    {
        // The issuer and lifetime are checked below, against the request and OpenIddict's clock.
        ValidateIssuer = false,
        ValidateAudience = false,
        ValidateLifetime = false,
        RequireSignedTokens = true,
        ValidTypes = [JsonWebTokenTypes.Private.RefreshToken],
        IssuerSigningKeys = [.. server.Value.SigningCredentials.Select(c => c.Key)],
        TokenDecryptionKeys = [.. server.Value.EncryptionCredentials.Select(c => c.Key)],
    });

    private long _answered;

    /// <summary>How many grants this instance answered on the lean path (the rest went to OpenIddict).</summary>
    public long Answered => Interlocked.Read(ref _answered);

    private readonly Lazy<PathString[]> _endpoint = new(() =>
        [.. server.Value.TokenEndpointUris.Select(uri => new PathString("/" + (uri.IsAbsoluteUri ? uri.AbsolutePath : uri.OriginalString).Trim('/')))]);

    /// <summary>Answers the request if it is a plain, good refresh grant; false leaves it, untouched, to OpenIddict.</summary>
    public async Task<bool> TryAnswerAsync(HttpContext http)
    {
        var request = http.Request;
        if (!options.Value.LeanRefreshGrants || !HttpMethods.IsPost(request.Method) || !_endpoint.Value.Contains(request.Path) || !request.HasFormContentType
            || request.Headers.Authorization.Count > 0 || (!request.IsHttps && !host.Value.DisableTransportSecurityRequirement))
            return false;
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(http.RequestAborted);
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException)
        {
            return false; // a malformed body: OpenIddict answers it as it answers any bad request
        }
        if (form.Any(p => !Plain.Contains(p.Key) || p.Value.Count != 1 || string.IsNullOrEmpty(p.Value[0]))
            || form[Parameters.GrantType] != GrantTypes.RefreshToken
            || form[Parameters.RefreshToken].ToString() is not { Length: > 0 } presented
            || form[Parameters.ClientId].ToString() is not { Length: > 0 } clientId)
            return false;
        var secret = form.TryGetValue(Parameters.ClientSecret, out var s) ? s.ToString() : null;
        var ct = http.RequestAborted;
        var services = http.RequestServices;
        // One connection for the grant's reads (the client, the entry, the account), not one per statement.
        var db = services.GetRequiredService<AccountsDbContext>();
        await db.Database.OpenConnectionAsync(ct);

        if (await ClientAsync(services.GetRequiredService<IOpenIddictApplicationManager>(), clientId, secret, ct) is not { } client) return false;
        var issuer = (server.Value.Issuer ?? new Uri($"{request.Scheme}://{request.Host}{request.PathBase}/", UriKind.Absolute)).AbsoluteUri;
        var now = server.Value.TimeProvider?.GetUtcNow() ?? DateTimeOffset.UtcNow;
        if (await PresentedAsync(presented, issuer, clientId, now) is not { } token) return false;

        var entries = db.Set<OpenIddictEntityFrameworkCoreToken<Guid>>();
        var entry = await entries.Where(t => t.Id == token.EntryId).Select(t => new
        {
            t.Status, t.Type, t.ExpirationDate, Application = EF.Property<Guid?>(t, "ApplicationId"), Authorization = EF.Property<Guid?>(t, "AuthorizationId"),
            AuthorizationStatus = t.Authorization!.Status,
        }).SingleOrDefaultAsync(ct);
        if (entry is null || entry.Status != Statuses.Valid || entry.Type != TokenTypeIdentifiers.RefreshToken || entry.Application != client.Id
            || entry.Authorization != token.AuthorizationId || entry.AuthorizationStatus != Statuses.Valid || entry.ExpirationDate <= now.UtcDateTime)
            return false;

        // The account is read again, as the token endpoint does for OpenIddict's path: a changed name or level shows, a removed account gets nothing.
        var account = await services.GetRequiredService<AccountPrincipals>().FindAsync(token.Subject, ct);
        if (account is null) return false;
        var principal = AccountPrincipals.For(account, token.Scopes, token.AuthorizationId.ToString(), token.AuthenticatedAt);
        var issued = Issue(principal, token, new Audience(client.Id, clientId, issuer), services.GetRequiredService<ServerKeyRing>().IdentityTokenSigning, now);

        // Redeemed only if still valid: of two requests racing with one token, the loser goes to OpenIddict, which sees a reuse.
        try
        {
            if (!await redemptions.RedeemAsync(new Redemptions.Redemption(token.EntryId, now.UtcDateTime, issued.Entries), ct)) return false;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The batch was rolled back, so nothing was written: OpenIddict's own path gets the request.
            logger.LogWarning(e, "A refresh grant's writes failed on the lean path; OpenIddict answers it");
            return false;
        }
        await WriteAsync(http.Response, issued, token.Scopes, now);
        Interlocked.Increment(ref _answered);
        return true;
    }

    private sealed record Client(Guid Id);

    /// <summary>The client, if it exists, may use this grant at the token endpoint, authenticates as its type requires and has no per-client token settings.</summary>
    private static async Task<Client?> ClientAsync(IOpenIddictApplicationManager applications, string clientId, string? secret, CancellationToken ct)
    {
        if (await applications.FindByClientIdAsync(clientId, ct) is not OpenIddictEntityFrameworkCoreApplication<Guid> application
            || !await applications.HasPermissionAsync(application, Permissions.Endpoints.Token, ct)
            || !await applications.HasPermissionAsync(application, Permissions.GrantTypes.RefreshToken, ct)
            || (await applications.GetSettingsAsync(application, ct)).Count > 0)
            return null;
        var authenticated = await applications.GetClientTypeAsync(application, ct) switch
        {
            ClientTypes.Confidential => secret is not null && await applications.ValidateClientSecretAsync(application, secret, ct),
            ClientTypes.Public => secret is null,
            _ => false,
        };
        return authenticated ? new Client(application.Id) : null;
    }

    /// <summary>What a presented refresh token says, if it is ours, encrypted and signed, issued here to this client, unexpired, with only claims we know.</summary>
    private sealed record Presented(Guid EntryId, Guid AuthorizationId, string Subject, System.Collections.Immutable.ImmutableArray<string> Scopes,
        long? AuthenticatedAt, Dictionary<string, JsonElement> InheritedClaims);

    private async Task<Presented?> PresentedAsync(string presented, string issuer, string clientId, DateTimeOffset now)
    {
        if (presented.Length > 8192) return null;
        var result = await _tokens.ValidateTokenAsync(presented, _validation.Value);
        if (!result.IsValid || result.SecurityToken is not JsonWebToken { IsEncrypted: true, InnerToken: { } inner }) return null;
        using var payload = JsonDocument.Parse(Base64UrlEncoder.Decode(inner.EncodedPayload));
        var claims = payload.RootElement;
        if (claims.EnumerateObject().Any(c => !Known.Contains(c.Name))
            || Text(claims, Claims.Issuer) != issuer
            || !claims.TryGetProperty(Claims.ExpiresAt, out var exp) || !exp.TryGetInt64(out var expires) || DateTimeOffset.FromUnixTimeSeconds(expires) <= now
            || !Guid.TryParse(Text(claims, Claims.Private.TokenId), out var entryId)
            || !Guid.TryParse(Text(claims, Claims.Private.AuthorizationId), out var authorizationId)
            || Text(claims, Claims.Subject) is not { Length: > 0 } subject
            || !Values(claims, Claims.Private.Presenter).Contains(clientId, StringComparer.Ordinal))
            return null;
        var scopes = Values(claims, Claims.Private.Scope);
        // Without offline_access OpenIddict would issue no new refresh token: a different answer, so its own.
        if (!scopes.Contains(Scopes.OfflineAccess, StringComparer.Ordinal)) return null;
        var inherited = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var name in Inherited)
            if (claims.TryGetProperty(name, out var value)) inherited[name] = value.Clone();
        long? authenticatedAt = claims.TryGetProperty(Claims.AuthenticationTime, out var at) && at.TryGetInt64(out var seconds) ? seconds : null;
        return new Presented(entryId, authorizationId, subject, [.. scopes], authenticatedAt, inherited);
    }

    private static string? Text(JsonElement claims, string name) =>
        claims.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string[] Values(JsonElement claims, string name) => !claims.TryGetProperty(name, out var value) ? [] : value.ValueKind switch
    {
        JsonValueKind.String => [value.GetString()!],
        JsonValueKind.Array => [.. value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!)],
        _ => [],
    };
}
