using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.EntityFrameworkCore.Models;
using OpenIddict.Server.AspNetCore;
using OpenIddict.Validation.AspNetCore;
using Tongban.Identity.Data;
using Tongban.Kernel.Data;

namespace Tongban.Identity.Tests;

public sealed class OpenIdConnectTests(LaneApps lanes)
{
    [Theory, DatabaseLanes]
    public async Task A_citizen_signs_in_to_a_portal_with_PKCE_consents_once_and_userinfo_gives_name_and_level_but_no_ID_number(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var clientId = Oidc.NewClientId();
        var secret = await app.RegisterClientAsync(clientId);
        var (id, _, _) = await app.RegisterAsync("王小明");
        var browser = app.Browser();
        var (verifier, challenge) = Oidc.Pkce();
        var url = Oidc.AuthorizeUrl(clientId, "openid profile", challenge);

        using (var unsigned = await browser.GetAsync(url))
            Assert.StartsWith("/account/sign-in?ReturnUrl=%2Fconnect%2Fauthorize", unsigned.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var code = await Oidc.AuthorizeAsync(browser, id, url);

        var (status, tokens) = await app.RedeemAsync(clientId, secret, code, verifier);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(tokens.TryGetProperty("id_token", out _));
        var (infoStatus, info) = await app.UserInfoAsync(tokens.GetProperty("access_token").GetString()!);
        Assert.Equal(HttpStatusCode.OK, infoStatus);
        Assert.Equal("王小明", info.GetProperty("name").GetString());
        Assert.Equal("1", info.GetProperty("real_name_level").GetString());
        Assert.True(Guid.TryParse(info.GetProperty("sub").GetString(), out _));
        Assert.False(info.TryGetProperty("id_number", out _));
        Assert.DoesNotContain(id, info.GetRawText(), StringComparison.Ordinal);

        // Consent is remembered: the next authorization request goes straight back to the portal.
        using var again = await browser.GetAsync(Oidc.AuthorizeUrl(clientId, "openid profile", Oidc.Pkce().Challenge));
        Assert.NotEmpty(Oidc.CodeFrom(again));
    }

    [Theory, DatabaseLanes]
    public async Task The_consent_page_lists_what_the_client_gets_in_plain_words(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var clientId = Oidc.NewClientId();
        await app.RegisterClientAsync(clientId, idNumber: true);
        var (id, _, _) = await app.RegisterAsync();
        var browser = app.Browser();
        using (await browser.PasswordSignInAsync(id, People.Password)) { }
        var page = People.Text(await browser.GetStringAsync(Oidc.AuthorizeUrl(clientId, "openid profile id_number", Oidc.Pkce().Challenge)));
        Assert.Contains("测试门户 " + clientId, page, StringComparison.Ordinal);
        Assert.Contains("您的姓名和实名认证等级", page, StringComparison.Ordinal);
        Assert.Contains("您的身份证号码", page, StringComparison.Ordinal);
        Assert.DoesNotContain("在您离开后继续保持登录", page, StringComparison.Ordinal);
    }

    [Theory, DatabaseLanes]
    public async Task The_ID_number_reaches_only_a_client_allowed_the_id_number_scope_and_consented_to(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var (id, _, _) = await app.RegisterAsync();
        var plain = Oidc.NewClientId();
        await app.RegisterClientAsync(plain);
        using (var refused = await app.Browser().GetAsync(Oidc.AuthorizeUrl(plain, "openid id_number", Oidc.Pkce().Challenge)))
            Assert.Equal("invalid_request", await Oidc.ErrorOfAsync(refused));

        var allowed = Oidc.NewClientId();
        var secret = await app.RegisterClientAsync(allowed, idNumber: true);
        var (verifier, challenge) = Oidc.Pkce();
        var code = await Oidc.AuthorizeAsync(app.Browser(), id, Oidc.AuthorizeUrl(allowed, "openid id_number", challenge));
        var (_, tokens) = await app.RedeemAsync(allowed, secret, code, verifier);
        var (_, info) = await app.UserInfoAsync(tokens.GetProperty("access_token").GetString()!);
        Assert.Equal(id, info.GetProperty("id_number").GetString());
        Assert.False(info.TryGetProperty("name", out _)); // profile was not asked for
    }

    [Theory, DatabaseLanes]
    public async Task An_unregistered_redirect_URI_is_refused_with_invalid_request_and_nothing_is_sent_there(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var clientId = Oidc.NewClientId();
        await app.RegisterClientAsync(clientId);
        using var response = await app.Browser().GetAsync(Oidc.AuthorizeUrl(clientId, "openid", Oidc.Pkce().Challenge, redirect: "https://evil.example.com/callback"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.Contains("invalid_request", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory, DatabaseLanes]
    public async Task Without_a_PKCE_challenge_or_verifier_or_with_the_plain_method_no_token_is_issued(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var clientId = Oidc.NewClientId();
        var secret = await app.RegisterClientAsync(clientId);
        var (id, _, _) = await app.RegisterAsync();
        var browser = app.Browser();
        using (await browser.PasswordSignInAsync(id, People.Password)) { }

        foreach (var url in new[] { Oidc.AuthorizeUrl(clientId, "openid", challenge: null), Oidc.AuthorizeUrl(clientId, "openid", Oidc.Pkce().Verifier, method: "plain") })
        {
            using var refused = await browser.GetAsync(url);
            Assert.Equal("invalid_request", await Oidc.ErrorOfAsync(refused));
        }

        var (verifier, challenge) = Oidc.Pkce();
        var code = await Oidc.AuthorizeAsync(browser, id, Oidc.AuthorizeUrl(clientId, "openid", challenge));
        var (missing, missingBody) = await app.RedeemAsync(clientId, secret, code, verifier: null);
        Assert.Equal((HttpStatusCode.BadRequest, "invalid_request"), (missing, missingBody.GetProperty("error").GetString()));
        Assert.False(missingBody.TryGetProperty("access_token", out _));
        var (wrong, wrongBody) = await app.RedeemAsync(clientId, secret, code, Oidc.Pkce().Verifier);
        Assert.Equal((HttpStatusCode.BadRequest, "invalid_grant"), (wrong, wrongBody.GetProperty("error").GetString()));
        Assert.False(wrongBody.TryGetProperty("access_token", out _));
    }

    [Theory, DatabaseLanes]
    public async Task A_refresh_token_is_replaced_at_each_use_and_a_reused_one_revokes_the_whole_chain(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var (clientId, secret, first) = await OfflineSignInAsync(app);
        var r1 = first.GetProperty("refresh_token").GetString()!;

        Task<(HttpStatusCode, JsonElement)> Refresh(string token) =>
            app.TokenAsync(("grant_type", "refresh_token"), ("client_id", clientId), ("client_secret", secret), ("refresh_token", token));
        var (ok, second) = await Refresh(r1);
        Assert.Equal(HttpStatusCode.OK, ok);
        var r2 = second.GetProperty("refresh_token").GetString()!;
        Assert.NotEqual(r1, r2);
        Assert.Equal(HttpStatusCode.OK, (await app.UserInfoAsync(second.GetProperty("access_token").GetString()!)).Status);

        var (reuse, reuseBody) = await Refresh(r1);
        Assert.Equal((HttpStatusCode.BadRequest, "invalid_grant"), (reuse, reuseBody.GetProperty("error").GetString()));
        var (chain, chainBody) = await Refresh(r2);
        Assert.Equal((HttpStatusCode.BadRequest, "invalid_grant"), (chain, chainBody.GetProperty("error").GetString()));
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.UserInfoAsync(second.GetProperty("access_token").GetString()!)).Status);
        Assert.True(await AuditedAsync(app, "identity.token_refused", $"client:{clientId}"));
    }

    [Theory, DatabaseLanes]
    public async Task Entries_are_kept_for_tokens_presented_back_and_none_for_ID_tokens(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var (clientId, secret, first) = await OfflineSignInAsync(app);
        var (ok, second) = await app.TokenAsync(("grant_type", "refresh_token"), ("client_id", clientId), ("client_secret", secret),
            ("refresh_token", first.GetProperty("refresh_token").GetString()!));
        Assert.Equal(HttpStatusCode.OK, ok);
        Assert.True(second.TryGetProperty("id_token", out _));

        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AccountsDbContext>();
        var entries = await db.Set<OpenIddictEntityFrameworkCoreToken<Guid>>().Where(t => t.Application!.ClientId == clientId)
            .GroupBy(t => new { t.Type, t.Status }).Select(g => new { g.Key.Type, g.Key.Status, Count = g.Count() }).ToListAsync();
        var expected = new[]
        {
            ("urn:ietf:params:oauth:token-type:access_token", "valid", 2),
            ("urn:ietf:params:oauth:token-type:refresh_token", "redeemed", 1),
            ("urn:ietf:params:oauth:token-type:refresh_token", "valid", 1),
            ("urn:openiddict:params:oauth:token-type:authorization_code", "redeemed", 1),
        };
        Assert.Equal(expected, entries.Select(e => (e.Type!, e.Status!, e.Count)).Order());
    }

    [Theory, DatabaseLanes]
    public async Task Revoking_an_app_I_allowed_asks_for_consent_again_and_ends_its_refresh_tokens(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var clientId = Oidc.NewClientId();
        var secret = await app.RegisterClientAsync(clientId, offline: true);
        var (id, _, _) = await app.RegisterAsync();
        var browser = app.Browser();
        var (verifier, challenge) = Oidc.Pkce();
        var code = await Oidc.AuthorizeAsync(browser, id, Oidc.AuthorizeUrl(clientId, "openid profile offline_access", challenge));
        var (_, tokens) = await app.RedeemAsync(clientId, secret, code, verifier);

        var apps = People.Text(await browser.GetStringAsync("/account/apps"));
        Assert.Contains("测试门户 " + clientId, apps, StringComparison.Ordinal);
        var authorization = System.Text.RegularExpressions.Regex.Match(await browser.GetStringAsync("/account/apps"), "name=\"authorizationId\" value=\"([^\"]+)\"").Groups[1].Value;
        using (var revoked = await browser.PostFormAsync("/account/apps", "/account/apps?handler=Revoke", ("authorizationId", authorization)))
            Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);

        Assert.DoesNotContain("测试门户 " + clientId, People.Text(await browser.GetStringAsync("/account/apps")), StringComparison.Ordinal);
        var (status, _) = await app.TokenAsync(("grant_type", "refresh_token"), ("client_id", clientId), ("client_secret", secret), ("refresh_token", tokens.GetProperty("refresh_token").GetString()!));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        using var again = await browser.GetAsync(Oidc.AuthorizeUrl(clientId, "openid profile offline_access", Oidc.Pkce().Challenge));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode); // the consent page again
        Assert.True(await AuditedAsync(app, "identity.consent_revoked", null));
        Assert.True(await AuditedAsync(app, "identity.consent_given", null));
    }

    [Theory, DatabaseLanes]
    public async Task Discovery_publishes_the_endpoints_S256_only_and_the_signing_key(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var discovery = JsonDocument.Parse(await app.CreateClient().GetStringAsync("/.well-known/openid-configuration")).RootElement;
        Assert.EndsWith("/connect/authorize", discovery.GetProperty("authorization_endpoint").GetString(), StringComparison.Ordinal);
        Assert.EndsWith("/connect/userinfo", discovery.GetProperty("userinfo_endpoint").GetString(), StringComparison.Ordinal);
        Assert.EndsWith("/connect/endsession", discovery.GetProperty("end_session_endpoint").GetString(), StringComparison.Ordinal);
        Assert.Equal(["S256"], discovery.GetProperty("code_challenge_methods_supported").EnumerateArray().Select(e => e.GetString()));
        var jwks = JsonDocument.Parse(await app.CreateClient().GetStringAsync(new Uri(discovery.GetProperty("jwks_uri").GetString()!).PathAndQuery)).RootElement;
        // A P-256 signing key (ES256) and an RSA one for ID tokens (RS256); the encryption key is symmetric and never published.
        var keys = jwks.GetProperty("keys").EnumerateArray().ToList();
        Assert.Equal(2, keys.Count);
        var ec = Assert.Single(keys, k => k.GetProperty("kty").GetString() == "EC");
        Assert.Equal(("P-256", "ES256"), (ec.GetProperty("crv").GetString(), ec.GetProperty("alg").GetString()));
        Assert.Equal("RS256", Assert.Single(keys, k => k.GetProperty("kty").GetString() == "RSA").GetProperty("alg").GetString());
    }

    /// <summary>A citizen signs in to a new confidential client with offline access; the code is redeemed.</summary>
    private static async Task<(string ClientId, string Secret, JsonElement Tokens)> OfflineSignInAsync(TongbanApp app)
    {
        var clientId = Oidc.NewClientId();
        var secret = await app.RegisterClientAsync(clientId, offline: true);
        var (id, _, _) = await app.RegisterAsync();
        var (verifier, challenge) = Oidc.Pkce();
        var code = await Oidc.AuthorizeAsync(app.Browser(), id, Oidc.AuthorizeUrl(clientId, "openid offline_access", challenge));
        var (_, tokens) = await app.RedeemAsync(clientId, secret, code, verifier);
        return (clientId, secret, tokens);
    }

    private static async Task<bool> AuditedAsync(TongbanApp app, string action, string? subject)
    {
        await app.DrainOutboxAsync();
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<KernelDbContext>();
        return await db.AuditEntries.AnyAsync(e => e.Action == action && (subject == null || e.Subject == subject));
    }

    [Fact]
    public async Task OpenIddicts_server_is_offered_only_its_own_endpoints_and_its_validation_every_request()
    {
        var app = await lanes.For(DatabaseLane.Sqlite);
        var schemes = app.Services.GetRequiredService<IAuthenticationSchemeProvider>();
        var http = app.Services.GetRequiredService<IHttpContextAccessor>();
        async Task<Type[]> HandlersAt(string path)
        {
            var context = new DefaultHttpContext();
            context.Request.Path = path;
            http.HttpContext = context;
            try
            {
                return [.. (await schemes.GetRequestHandlerSchemesAsync()).Select(s => s.HandlerType)];
            }
            finally
            {
                http.HttpContext = null;
            }
        }

        foreach (var endpoint in new[] { "/connect/token", "/connect/authorize", "/.well-known/openid-configuration", "/.well-known/jwks" })
            Assert.Contains(typeof(OpenIddictServerAspNetCoreHandler), await HandlersAt(endpoint));
        foreach (var other in new[] { "/api/exchange/11211200061012195B-00001/query", "/account/sign-in", "/connections" })
        {
            var handlers = await HandlersAt(other);
            Assert.DoesNotContain(typeof(OpenIddictServerAspNetCoreHandler), handlers);
            Assert.Contains(typeof(OpenIddictValidationAspNetCoreHandler), handlers);
        }
    }
}
