using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Validation.AspNetCore;

namespace Tongban.Identity.Features.OpenIdConnect;

/// <summary>
/// The scheme department systems' calls are authenticated under (<see cref="Kernel.Security.ClientClaims.Scheme"/>):
/// OpenIddict's validation checks a bearer token the first time it is seen, and the outcome is remembered until the
/// token expires, for at most <see cref="Remember"/>. A system reuses one access token for its whole life (30 min),
/// so a busy exchange no longer parses and verifies the same signature thousands of times a second. Nothing is lost:
/// local validation never looked tokens up in the database, so a token was already good until it expired (ADR 0011).
/// Only accepted tokens are remembered, by the SHA-256 of the token; each request gets its own copy of the principal.
/// Every request also asks <see cref="ClientStatus"/> (a cached answer) whether the token's client is still enabled, so a
/// disabled client's tokens stop working within <see cref="ClientStatus.CacheFor"/> rather than when they expire.
/// </summary>
internal sealed class RememberedBearerTokens(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    IMemoryCache memory, TimeProvider clock, ClientStatus clients) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    private const string Validation = OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme;
    private static readonly TimeSpan Remember = TimeSpan.FromMinutes(5);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return await Context.AuthenticateAsync(Validation);
        var key = (nameof(RememberedBearerTokens), Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(header))));
        if (memory.TryGetValue(key, out ClaimsPrincipal? remembered) && remembered is not null)
            return await EnabledAsync(AuthenticateResult.Success(new AuthenticationTicket(remembered.Clone(), Scheme.Name)));

        var result = await Context.AuthenticateAsync(Validation);
        if (result.Succeeded && result.Principal.GetExpirationDate() is { } expires)
        {
            var until = clock.GetUtcNow() + Remember;
            memory.Set(key, result.Principal.Clone(), new MemoryCacheEntryOptions { AbsoluteExpiration = expires < until ? expires : until, Size = 1 });
        }
        return await EnabledAsync(result);
    }

    private static readonly Exception Disabled = new InvalidOperationException("The token's client is disabled.");

    private async Task<AuthenticateResult> EnabledAsync(AuthenticateResult result) =>
        !result.Succeeded || await clients.IsEnabledAsync(result.Principal.GetClaim(OpenIddictConstants.Claims.ClientId), Context.RequestAborted)
            ? result : AuthenticateResult.Fail(Disabled);

    /// <summary>A disabled client's token is answered as an invalid token (401), not as a valid one lacking access (403).</summary>
    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if ((await HandleAuthenticateOnceSafeAsync()).Failure == Disabled)
        {
            properties.Items[OpenIddictValidationAspNetCoreConstants.Properties.Error] = OpenIddictConstants.Errors.InvalidToken;
            properties.Items[OpenIddictValidationAspNetCoreConstants.Properties.ErrorDescription] = Disabled.Message;
        }
        await Context.ChallengeAsync(Validation, properties);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) => Context.ForbidAsync(Validation, properties);
}
