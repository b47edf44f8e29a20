using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;
using OpenIddict.Validation.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Tongban.Nodes.Node;

/// <summary><c>Nodes:Clients:{i}</c>: a department system allowed to call its node, with the SHA-256 (hex) of its secret.</summary>
internal sealed class NodeClientOptions
{
    public string Id { get; set; } = "";
    public string SecretSha256 { get; set; } = "";
}

/// <summary>
/// How a member's systems authenticate to their node (ADR 0014): OAuth2 client credentials, as the platform's exchange
/// takes them. The node runs its own OpenIddict token endpoint, <c>POST /node/token</c> (<c>grant_type=client_credentials</c>,
/// the client's secret in HTTP Basic or the form), in degraded mode: the clients are <c>Nodes:Clients</c>, checked here
/// in fixed time over the secret's SHA-256, so a node needs no client store. Its access tokens are ASP.NET Core Data
/// Protection blobs (the node's key ring in its database), read back by OpenIddict's local validation on every call,
/// push and log check; a token names its client, which must still be configured when it is used.
/// </summary>
internal sealed class NodeClients(IOptions<NodesOptions> options)
{
    public const string TokenPath = "node/token";

    /// <param name="plainHttp">
    /// Whether the token endpoint also answers plain http: only where the node may talk plain http on loopback
    /// (<c>Nodes:AllowPlainHttpOnLoopback</c>) or under the development sign-in, both off in production.
    /// </param>
    public static void AddTokenServer(IServiceCollection services, NodesOptions node, bool plainHttp)
    {
        services.AddOpenIddict()
            .AddServer(o =>
            {
                o.SetTokenEndpointUris(TokenPath).AllowClientCredentialsFlow().EnableDegradedMode();
                o.SetAccessTokenLifetime(node.AccessTokenLifetime);
                // Tokens are Data Protection blobs; OpenIddict still asks for keys, which sign and encrypt nothing here:
                // throw-away ones that cost nothing to make (an RSA key pair costs seconds on a busy node's first request).
                o.UseDataProtection();
                o.AddEncryptionKey(new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32)))
                    .AddSigningKey(new ECDsaSecurityKey(ECDsa.Create(ECCurve.NamedCurves.nistP256)));
                o.AddEventHandler<OpenIddictServerEvents.ValidateTokenRequestContext>(h => h.UseSingletonHandler<CheckClient>());
                o.AddEventHandler<OpenIddictServerEvents.HandleTokenRequestContext>(h => h.UseSingletonHandler<IssueToken>());
                var host = o.UseAspNetCore();
                if (plainHttp) host.DisableTransportSecurityRequirement();
            })
            .AddValidation(o =>
            {
                o.UseLocalServer();
                o.UseDataProtection();
                o.UseAspNetCore();
            });
        services.AddSingleton<NodeClients>();
    }

    /// <summary>The configured client a request's bearer token names, or null (no token, a bad or expired one, a client since removed).</summary>
    public async Task<string?> AuthenticateAsync(HttpRequest request)
    {
        if (!request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return null;
        var result = await request.HttpContext.AuthenticateAsync(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme);
        var client = result.Principal?.FindFirst(Claims.Subject)?.Value;
        return client is not null && options.Value.Clients.Any(c => c.Id == client) ? client : null;
    }

    /// <summary>Whether <paramref name="secret"/> is the configured client's, compared in fixed time whether or not the client exists.</summary>
    private bool Checks(string? id, string? secret)
    {
        var client = options.Value.Clients.FirstOrDefault(c => c.Id == id);
        var expected = client is null ? new byte[32] : Convert.FromHexString(client.SecretSha256);
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(secret ?? ""));
        return CryptographicOperations.FixedTimeEquals(digest, expected) && client is not null;
    }

    private sealed class CheckClient(NodeClients clients) : IOpenIddictServerHandler<OpenIddictServerEvents.ValidateTokenRequestContext>
    {
        public ValueTask HandleAsync(OpenIddictServerEvents.ValidateTokenRequestContext context)
        {
            // Only client_credentials reaches here: it is the one flow the server allows.
            if (!clients.Checks(context.ClientId, context.Request.ClientSecret))
                context.Reject(Errors.InvalidClient, "客户端标识或密钥不正确。The client id or secret is wrong.");
            return ValueTask.CompletedTask;
        }
    }

    private sealed class IssueToken : IOpenIddictServerHandler<OpenIddictServerEvents.HandleTokenRequestContext>
    {
        public ValueTask HandleAsync(OpenIddictServerEvents.HandleTokenRequestContext context)
        {
            var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
            identity.SetClaim(Claims.Subject, context.ClientId);
            identity.SetDestinations(_ => [Destinations.AccessToken]);
            context.SignIn(new ClaimsPrincipal(identity));
            return ValueTask.CompletedTask;
        }
    }
}
