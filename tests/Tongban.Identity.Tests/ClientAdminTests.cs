using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Identity.Contracts;
using Tongban.Kernel.Security;

namespace Tongban.Identity.Tests;

public sealed class ClientAdminTests(LaneApps lanes)
{
    [Theory, DatabaseLanes]
    public async Task An_invalid_URI_plain_http_off_this_machine_and_a_duplicate_client_id_are_refused_by_field(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var admin = await app.SignInAsync("系统管理员", Policies.SystemAdministrator);
        var clientId = Oidc.NewClientId();

        using var bad = await Oidc.RegisterAsync(admin, clientId, "not a uri\nhttp://portal.example.cn/callback");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        var page = People.Text(await bad.Content.ReadAsStringAsync());
        Assert.Contains("地址无效：not", page, StringComparison.Ordinal);
        Assert.Contains("除本机（localhost）外须使用 https：http://portal.example.cn/callback", page, StringComparison.Ordinal);

        using (var loopback = await Oidc.RegisterAsync(admin, clientId, "http://127.0.0.1:7000/callback"))
            Assert.Contains("client-secret", await loopback.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var duplicate = await Oidc.RegisterAsync(admin, clientId, Oidc.Redirect);
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        Assert.Contains("该客户端标识已登记", People.Text(await duplicate.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Theory, DatabaseLanes]
    public async Task A_registered_department_system_gets_a_token_for_the_exchange_until_it_is_disabled(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var admin = await app.SignInAsync("系统管理员", Policies.SystemAdministrator);
        var clientId = "system-" + Guid.NewGuid().ToString("N")[..8];
        using var registered = await admin.PostFormAsync("/admin/identity/clients", "/admin/identity/clients",
            ("Input.ClientId", clientId), ("Input.DisplayName", "民政系统"), ("Input.Confidential", "true"), ("Input.ClientCredentials", "true"),
            ("Input.Department", "11211200096593487Q"));
        var secret = System.Text.RegularExpressions.Regex.Match(await registered.Content.ReadAsStringAsync(), "<code class=\"client-secret\">([^<]+)</code>").Groups[1].Value;

        var (status, token) = await app.TokenAsync(("grant_type", "client_credentials"), ("client_id", clientId), ("client_secret", secret));
        Assert.Equal(HttpStatusCode.OK, status);
        var accessToken = token.GetProperty("access_token").GetString()!;
        Assert.NotEqual(HttpStatusCode.Unauthorized, await ExchangeAsync(app, accessToken));
        Assert.Equal(HttpStatusCode.Unauthorized, await ExchangeAsync(app, "not-a-token"));
        // An accepted token is remembered until it expires (RememberedBearerTokens); the same token with another signature is not it.
        Assert.NotEqual(HttpStatusCode.Unauthorized, await ExchangeAsync(app, accessToken));
        Assert.Equal(HttpStatusCode.Unauthorized, await ExchangeAsync(app, accessToken[..^4] + (accessToken.EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA")));
        // A signed, unencrypted JWT (three parts; ADR 0011) naming the system and its department.
        var parts = accessToken.Split('.');
        Assert.Equal(3, parts.Length);
        using var payload = System.Text.Json.JsonDocument.Parse(Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Decode(parts[1]));
        Assert.Equal((clientId, "11211200096593487Q"), (payload.RootElement.GetProperty("client_id").GetString(), payload.RootElement.GetProperty("department").GetString()));
        var (wrong, _) = await app.TokenAsync(("grant_type", "client_credentials"), ("client_id", clientId), ("client_secret", "wrong"));
        Assert.Equal(HttpStatusCode.Unauthorized, wrong);
        // A secret that matched is remembered for minutes (RememberingApplicationManager); a near miss is still refused.
        var nearMiss = secret[..^1] + (secret[^1] == 'A' ? 'B' : 'A');
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.TokenAsync(("grant_type", "client_credentials"), ("client_id", clientId), ("client_secret", nearMiss))).Status);
        Assert.Equal(HttpStatusCode.OK, (await app.TokenAsync(("grant_type", "client_credentials"), ("client_id", clientId), ("client_secret", secret))).Status);

        using (await admin.PostFormAsync("/admin/identity/clients", "/admin/identity/clients?handler=Disable", ("clientId", clientId))) { }
        var (disabled, body) = await app.TokenAsync(("grant_type", "client_credentials"), ("client_id", clientId), ("client_secret", secret));
        Assert.Equal(HttpStatusCode.BadRequest, disabled);
        Assert.False(body.TryGetProperty("access_token", out _));
    }

    [Theory, DatabaseLanes]
    public async Task After_a_key_rotation_a_token_signed_with_the_previous_key_still_validates_and_both_keys_are_published(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var before = await app.ClientCredentialsAsync(2);
        var token = before.DefaultRequestHeaders.Authorization!.Parameter!;
        var oldKeys = await KeyIdsAsync(app);

        await app.Services.GetRequiredService<IOpenIdConnectKeys>().RotateAsync(CancellationToken.None);
        // Instances take the new keys at their next start: a second instance on the same database plays the restarted one.
        await using var restarted = new TongbanApp(app.Database);
        var newKeys = await KeyIdsAsync(restarted);
        // Both signing keys (ES256 and the ID tokens' RS256) were replaced; the previous ones stay published.
        Assert.Equal(4, newKeys.Count);
        Assert.Equal(2, oldKeys.Count);
        Assert.All(oldKeys, old => Assert.Contains(old, newKeys));
        Assert.NotEqual(oldKeys[0], newKeys[0]);
        Assert.NotEqual(HttpStatusCode.Unauthorized, await ExchangeAsync(restarted, token));
        var (status, fresh) = await restarted.TokenAsync(("grant_type", "client_credentials"), ("client_id", TestClients.All[2].ClientId), ("client_secret", TestClients.All[2].Secret));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.NotEqual(HttpStatusCode.Unauthorized, await ExchangeAsync(restarted, fresh.GetProperty("access_token").GetString()!));
    }

    private static async Task<List<string>> KeyIdsAsync(TongbanApp app) =>
        JsonDocument.Parse(await app.CreateClient().GetStringAsync("/.well-known/jwks")).RootElement.GetProperty("keys")
            .EnumerateArray().Select(k => k.GetProperty("kid").GetString()!).ToList();

    private static async Task<HttpStatusCode> ExchangeAsync(TongbanApp app, string token)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        using var response = await client.PostAsync("/api/exchange/no-such-resource/query", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));
        return response.StatusCode;
    }
}
