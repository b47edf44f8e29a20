using System.Net;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Tongban.Identity.Features.OpenIdConnect;
using Tongban.Kernel.Security;

namespace Tongban.Identity.Tests;

/// <summary>
/// What the resource servers (userinfo, the exchange) accept: access tokens with their audience (RFC 9068), in the
/// Authorization header only (RFC 6750 §2.3, RFC 9700 §4.3.2), of clients still enabled; and discovery saying only what is so.
/// </summary>
public sealed class ResourceServerTests(LaneApps lanes)
{
    [Theory, DatabaseLanes]
    public async Task Access_tokens_name_their_resource_server_as_audience_a_persons_userinfo_and_a_systems_the_exchange(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var (_, _, tokens) = await PersonAsync(app);
        var person = Read(tokens.GetProperty("access_token").GetString()!);
        Assert.Equal("at+jwt", person.Typ);
        Assert.Equal([Audiences.UserInfo], person.Audiences);

        var (_, system) = await app.TokenAsync(("grant_type", "client_credentials"), ("client_id", TestClients.All[0].ClientId), ("client_secret", TestClients.All[0].Secret));
        Assert.Equal([Audiences.Exchange], Read(system.GetProperty("access_token").GetString()!).Audiences);
        // Each resource server takes only its own: a system's token at userinfo, a person's at the exchange.
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.UserInfoAsync(system.GetProperty("access_token").GetString()!)).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, await ExchangeAsync(app, tokens.GetProperty("access_token").GetString()!));
    }

    [Theory, DatabaseLanes]
    public async Task Userinfo_answers_a_client_credentials_token_with_401_and_an_OAuth_error_not_500(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var system = await app.ClientCredentialsAsync(1);
        using var response = await system.GetAsync("/connect/userinfo");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("invalid_token", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Theory, DatabaseLanes]
    public async Task Userinfo_refuses_an_access_token_in_the_query_string(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var (_, _, tokens) = await PersonAsync(app);
        var token = tokens.GetProperty("access_token").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await app.UserInfoAsync(token)).Status);

        using var response = await app.CreateClient().GetAsync("/connect/userinfo?access_token=" + Uri.EscapeDataString(token));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("\"sub\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory, DatabaseLanes]
    public async Task Tokens_of_a_disabled_client_stop_working_at_once_at_userinfo_and_the_exchange(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var (clientId, _, tokens) = await PersonAsync(app);
        var (systemId, systemToken) = await SystemAsync(app);
        Assert.Equal(HttpStatusCode.OK, (await app.UserInfoAsync(tokens.GetProperty("access_token").GetString()!)).Status);
        Assert.NotEqual(HttpStatusCode.Unauthorized, await ExchangeAsync(app, systemToken));

        var admin = await app.SignInAsync("系统管理员", Policies.SystemAdministrator);
        foreach (var id in new[] { clientId, systemId })
            using (await admin.PostFormAsync("/admin/identity/clients", "/admin/identity/clients?handler=Disable", ("clientId", id))) { }

        Assert.Equal(HttpStatusCode.Unauthorized, (await app.UserInfoAsync(tokens.GetProperty("access_token").GetString()!)).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, await ExchangeAsync(app, systemToken));
    }

    [Theory, DatabaseLanes]
    public async Task Userinfo_answers_a_token_whose_client_was_deleted_with_401_not_500(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var (clientId, _, tokens) = await PersonAsync(app);
        var admin = await app.SignInAsync("系统管理员", Policies.SystemAdministrator);
        using (await admin.PostFormAsync("/admin/identity/clients", "/admin/identity/clients?handler=Delete", ("clientId", clientId))) { }

        // Deleting the client deleted its token entries: the token is unknown now, which is no server error.
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.UserInfoAsync(tokens.GetProperty("access_token").GetString()!)).Status);
    }

    [Theory, DatabaseLanes]
    public async Task Discovery_offers_only_secret_client_authentication_and_RS256_ID_tokens_which_verify_against_the_JWKS(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var discovery = JsonDocument.Parse(await app.CreateClient().GetStringAsync("/.well-known/openid-configuration")).RootElement;
        Assert.Equal(["client_secret_basic", "client_secret_post"], Strings(discovery, "token_endpoint_auth_methods_supported").Order(StringComparer.Ordinal));
        Assert.False(discovery.TryGetProperty("token_endpoint_auth_signing_alg_values_supported", out _));
        Assert.Contains("RS256", Strings(discovery, "id_token_signing_alg_values_supported"));
        Assert.Contains("login", Strings(discovery, "prompt_values_supported"));
        Assert.DoesNotContain("select_account", Strings(discovery, "prompt_values_supported"));

        var (_, _, tokens) = await PersonAsync(app);
        var idToken = tokens.GetProperty("id_token").GetString()!;
        var jwks = new JsonWebKeySet(await app.CreateClient().GetStringAsync("/.well-known/jwks"));
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(idToken, new TokenValidationParameters
        {
            ValidateIssuer = false, ValidateAudience = false, IssuerSigningKeys = jwks.GetSigningKeys(), ValidAlgorithms = ["RS256"],
        });
        Assert.True(result.IsValid, result.Exception?.Message);
    }

    private static async Task<(string ClientId, string Secret, JsonElement Tokens)> PersonAsync(TongbanApp app)
    {
        var clientId = Oidc.NewClientId();
        var secret = await app.RegisterClientAsync(clientId);
        var (id, _, _) = await app.RegisterAsync("资源");
        var (verifier, challenge) = Oidc.Pkce();
        var code = await Oidc.AuthorizeAsync(app.Browser(), id, Oidc.AuthorizeUrl(clientId, "openid profile", challenge));
        var (_, tokens) = await app.RedeemAsync(clientId, secret, code, verifier);
        return (clientId, secret, tokens);
    }

    /// <summary>A department system registered by the administrator, and an access token it fetched.</summary>
    private static async Task<(string ClientId, string Token)> SystemAsync(TongbanApp app)
    {
        var admin = await app.SignInAsync("系统管理员", Policies.SystemAdministrator);
        var clientId = "system-" + Guid.NewGuid().ToString("N")[..8];
        using var registered = await admin.PostFormAsync("/admin/identity/clients", "/admin/identity/clients",
            ("Input.ClientId", clientId), ("Input.DisplayName", "民政系统"), ("Input.Confidential", "true"), ("Input.ClientCredentials", "true"),
            ("Input.Department", "11211200096593487Q"));
        var secret = System.Text.RegularExpressions.Regex.Match(await registered.Content.ReadAsStringAsync(), "<code class=\"client-secret\">([^<]+)</code>").Groups[1].Value;
        var (_, token) = await app.TokenAsync(("grant_type", "client_credentials"), ("client_id", clientId), ("client_secret", secret));
        return (clientId, token.GetProperty("access_token").GetString()!);
    }

    private static (string Typ, string[] Audiences) Read(string jwt)
    {
        var token = new JsonWebToken(jwt);
        return (token.Typ, [.. token.Audiences]);
    }

    private static IEnumerable<string> Strings(JsonElement json, string name) =>
        json.TryGetProperty(name, out var value) ? value.EnumerateArray().Select(e => e.GetString()!) : [];

    private static async Task<HttpStatusCode> ExchangeAsync(TongbanApp app, string token)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        using var response = await client.PostAsync("/api/exchange/no-such-resource/query", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));
        return response.StatusCode;
    }
}
