using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.Extensions.Options;
using Tongban.Kernel.Localization;
using Tongban.Kernel.Security;

namespace Tongban.Web.Hosting;

/// <summary>A department system allowed to fetch tokens from the development token endpoint.</summary>
public sealed class DevelopmentClient
{
    public string ClientId { get; set; } = "";
    public string Secret { get; set; } = "";

    /// <summary>Credit code of the department the system belongs to.</summary>
    public string Department { get; set; } = "";
}

/// <summary>
/// Department systems authenticate as OAuth2 clients. Until the identity module provides an OpenID Connect
/// server, a development token endpoint (<c>POST /connect/token</c>, client credentials grant) issues
/// data-protected bearer tokens to the clients listed in <c>Authentication:DevelopmentClients</c> — only when
/// <c>Authentication:DevelopmentSignIn</c> is on. The policy <see cref="Policies.ExchangeClient"/> and the
/// claims (<see cref="ClientClaims"/>) are final: identity replaces the issuer, not what endpoints require.
/// </summary>
public static class ClientAuthentication
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    public static IServiceCollection AddClientAuthentication(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<List<DevelopmentClient>>(configuration.GetSection($"{AuthenticationOptions.Section}:DevelopmentClients"));
        services.AddAuthentication().AddBearerToken(ClientClaims.Scheme, o => o.BearerTokenExpiration = Lifetime);
        services.AddAuthorization(o => o.AddPolicy(Policies.ExchangeClient, p => p
            .AddAuthenticationSchemes(ClientClaims.Scheme)
            .RequireAuthenticatedUser()
            .RequireClaim(ClientClaims.ClientId)
            .RequireClaim(ClientClaims.Department)));
        return services;
    }

    public static IEndpointRouteBuilder MapDevelopmentTokenEndpoint(this IEndpointRouteBuilder endpoints)
    {
        var options = endpoints.ServiceProvider.GetRequiredService<IOptions<AuthenticationOptions>>().Value;
        if (!options.DevelopmentSignIn) return endpoints;
        endpoints.MapPost("/connect/token", IssueAsync).DisableAntiforgery().ExcludeFromDescription();
        return endpoints;
    }

    /// <summary>RFC 6749 §4.4: client credentials in the form body or in HTTP Basic; errors as §5.2 says.</summary>
    private static async Task<IResult> IssueAsync(HttpContext http, IOptions<List<DevelopmentClient>> clients, IOptionsMonitor<BearerTokenOptions> tokens, TimeProvider clock)
    {
        if (!http.Request.HasFormContentType) return Error("invalid_request", "请以表单提交", "Send the request as a form");
        var form = await http.Request.ReadFormAsync();
        if (form["grant_type"] != "client_credentials") return Error("unsupported_grant_type", "仅支持 client_credentials", "Only client_credentials is supported");
        var (id, secret) = Credentials(http, form);
        var client = clients.Value.FirstOrDefault(c => c.ClientId == id);
        if (client is null || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(client.Secret), Encoding.UTF8.GetBytes(secret ?? "")))
            return Error("invalid_client", "客户端标识或密钥错误", "Unknown client or wrong secret", StatusCodes.Status401Unauthorized);

        var identity = new ClaimsIdentity([new(ClientClaims.ClientId, client.ClientId), new(ClientClaims.Department, client.Department)], ClientClaims.Scheme);
        var now = clock.GetUtcNow();
        var ticket = new AuthenticationTicket(new ClaimsPrincipal(identity), new AuthenticationProperties { IssuedUtc = now, ExpiresUtc = now + Lifetime }, ClientClaims.Scheme);
        var token = tokens.Get(ClientClaims.Scheme).BearerTokenProtector.Protect(ticket);
        return Results.Json(new Dictionary<string, object> { ["access_token"] = token, ["token_type"] = "Bearer", ["expires_in"] = (int)Lifetime.TotalSeconds });
    }

    private static (string? Id, string? Secret) Credentials(HttpContext http, IFormCollection form)
    {
        var header = http.Request.Headers.Authorization.ToString();
        if (header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                var pair = Encoding.UTF8.GetString(Convert.FromBase64String(header[6..].Trim())).Split(':', 2);
                if (pair.Length == 2) return (Uri.UnescapeDataString(pair[0]), Uri.UnescapeDataString(pair[1]));
            }
            catch (FormatException)
            {
                return (null, null);
            }
        }
        return (form["client_id"], form["client_secret"]);
    }

    private static IResult Error(string code, string chinese, string english, int status = StatusCodes.Status400BadRequest) =>
        Results.Json(new Dictionary<string, string> { ["error"] = code, ["error_description"] = Text.T(chinese, english) }, statusCode: status);
}
