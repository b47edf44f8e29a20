using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.IdentityModel.Tokens;

namespace Tongban.Identity.Tests;

/// <summary>OpenID Connect Core §3.1.2.1: <c>prompt</c>, <c>max_age</c> and <c>auth_time</c>; the authorization request by POST; ASCII error descriptions.</summary>
public sealed class AuthorizationRequestTests(LaneApps lanes)
{
    [Theory, DatabaseLanes]
    public async Task Prompt_none_with_max_age_0_answers_login_required_even_to_a_person_just_signed_in(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var (clientId, _, _, browser) = await ConsentedAsync(app);

        using var response = await browser.GetAsync(Url(clientId, Oidc.Pkce().Challenge, ("prompt", "none"), ("max_age", "0")));
        var query = QueryHelpers.ParseQuery(response.Headers.Location!.Query);
        Assert.StartsWith(Oidc.Redirect, response.Headers.Location.OriginalString, StringComparison.Ordinal);
        Assert.Equal("login_required", query["error"].ToString());
        Assert.False(query.ContainsKey("code"));
        // The person stays signed in: only this request was refused.
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/account")).StatusCode);
    }

    [Theory, DatabaseLanes]
    public async Task Prompt_login_sends_a_signed_in_person_to_sign_in_again_and_the_ID_token_says_when(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var (clientId, secret, id, browser) = await ConsentedAsync(app);
        var (verifier, challenge) = Oidc.Pkce();

        using var first = await browser.GetAsync(Url(clientId, challenge, ("prompt", "login")));
        var signIn = first.Headers.Location!.OriginalString;
        Assert.StartsWith("/account/sign-in?ReturnUrl=", signIn, StringComparison.Ordinal);
        var returnUrl = QueryHelpers.ParseQuery(new Uri(new Uri("http://localhost"), signIn).Query)["ReturnUrl"].ToString();
        // Going back without signing in again asks again: the old sign-in does not satisfy prompt=login.
        using (var stillOld = await browser.GetAsync(returnUrl))
            Assert.StartsWith("/account/sign-in", stillOld.Headers.Location!.OriginalString, StringComparison.Ordinal);

        var before = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        using (var again = await browser.PostFormAsync(signIn, "/account/sign-in?handler=Password", ("Login", id), ("Password", People.Password), ("ReturnUrl", returnUrl)))
            Assert.Equal(returnUrl, again.Headers.Location?.OriginalString);
        using var back = await browser.GetAsync(returnUrl);
        var (status, tokens) = await app.RedeemAsync(clientId, secret, Oidc.CodeFrom(back), verifier);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.InRange(Claims(tokens.GetProperty("id_token").GetString()!).GetProperty("auth_time").GetInt64(), before, DateTimeOffset.UtcNow.ToUnixTimeSeconds());
    }

    [Theory, DatabaseLanes]
    public async Task Max_age_is_met_by_a_recent_sign_in_and_max_age_0_asks_for_a_new_one_whose_time_the_ID_token_carries(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var (clientId, secret, id, browser) = await ConsentedAsync(app);

        var (verifier, challenge) = Oidc.Pkce();
        using var recent = await browser.GetAsync(Url(clientId, challenge, ("max_age", "3600")));
        var (_, tokens) = await app.RedeemAsync(clientId, secret, Oidc.CodeFrom(recent), verifier);
        var signedInAt = Claims(tokens.GetProperty("id_token").GetString()!).GetProperty("auth_time").GetInt64();
        Assert.InRange(signedInAt, DateTimeOffset.UtcNow.AddMinutes(-5).ToUnixTimeSeconds(), DateTimeOffset.UtcNow.ToUnixTimeSeconds());

        (verifier, challenge) = Oidc.Pkce();
        using var stale = await browser.GetAsync(Url(clientId, challenge, ("max_age", "0")));
        var signIn = stale.Headers.Location!.OriginalString;
        Assert.StartsWith("/account/sign-in?ReturnUrl=", signIn, StringComparison.Ordinal);
        var returnUrl = QueryHelpers.ParseQuery(new Uri(new Uri("http://localhost"), signIn).Query)["ReturnUrl"].ToString();
        using (await browser.PostFormAsync(signIn, "/account/sign-in?handler=Password", ("Login", id), ("Password", People.Password), ("ReturnUrl", returnUrl))) { }
        using var back = await browser.GetAsync(returnUrl);
        var (_, fresh) = await app.RedeemAsync(clientId, secret, Oidc.CodeFrom(back), verifier);
        Assert.True(Claims(fresh.GetProperty("id_token").GetString()!).GetProperty("auth_time").GetInt64() >= signedInAt);
    }

    [Theory, DatabaseLanes]
    public async Task The_authorization_endpoint_takes_a_form_POST_and_the_consent_still_needs_the_pages_antiforgery_token(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var clientId = Oidc.NewClientId();
        var secret = await app.RegisterClientAsync(clientId);
        var (id, _, _) = await app.RegisterAsync();
        var browser = app.Browser();
        using (await browser.PasswordSignInAsync(id, People.Password)) { }
        var (verifier, challenge) = Oidc.Pkce();
        var fields = Fields(clientId, challenge);

        using var consent = await browser.PostAsync("/connect/authorize", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.OK, consent.StatusCode);
        Assert.Contains("测试门户 " + clientId, People.Text(await consent.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        using (var forged = await browser.PostAsync("/connect/authorize?handler=Allow", new FormUrlEncodedContent(fields)))
            Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);

        using var allowed = await browser.PostFormAsync("/connect/authorize?" + string.Join('&', fields.Select(f => $"{f.Key}={Uri.EscapeDataString(f.Value)}")),
            "/connect/authorize?handler=Allow", [.. fields.Select(f => (f.Key, f.Value))]);
        var (status, _) = await app.RedeemAsync(clientId, secret, Oidc.CodeFrom(allowed), verifier);
        Assert.Equal(HttpStatusCode.OK, status);
        // Consent given, a second POST request goes straight back with a code.
        (verifier, challenge) = Oidc.Pkce();
        using var again = await browser.PostAsync("/connect/authorize", new FormUrlEncodedContent(Fields(clientId, challenge)));
        Assert.Equal(HttpStatusCode.OK, (await app.RedeemAsync(clientId, secret, Oidc.CodeFrom(again), verifier)).Status);
    }

    [Theory, DatabaseLanes]
    public async Task Protocol_errors_describe_themselves_in_ASCII_whatever_the_readers_language(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var clientId = Oidc.NewClientId();
        await app.RegisterClientAsync(clientId);
        var browser = app.Browser();
        browser.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");
        using var unsigned = await browser.GetAsync(Url(clientId, Oidc.Pkce().Challenge, ("prompt", "none")));
        var query = QueryHelpers.ParseQuery(unsigned.Headers.Location!.Query);
        Assert.Equal("login_required", query["error"].ToString());
        var description = query["error_description"].ToString();
        Assert.NotEmpty(description);
        Assert.All(description, c => Assert.InRange(c, ' ', '~'));

        var (id, _, _) = await app.RegisterAsync();
        using (await browser.PasswordSignInAsync(id, People.Password)) { }
        using var noConsent = await browser.GetAsync(Url(clientId, Oidc.Pkce().Challenge, ("prompt", "none")));
        var consentQuery = QueryHelpers.ParseQuery(noConsent.Headers.Location!.Query);
        Assert.Equal("consent_required", consentQuery["error"].ToString());
        Assert.All(consentQuery["error_description"].ToString(), c => Assert.InRange(c, ' ', '~'));
    }

    /// <summary>A client, a citizen signed in on <c>browser</c> who has consented to it once.</summary>
    private static async Task<(string ClientId, string Secret, string IdNumber, HttpClient Browser)> ConsentedAsync(TongbanApp app)
    {
        var clientId = Oidc.NewClientId();
        var secret = await app.RegisterClientAsync(clientId);
        var (id, _, _) = await app.RegisterAsync("时刻");
        var browser = app.Browser();
        await Oidc.AuthorizeAsync(browser, id, Oidc.AuthorizeUrl(clientId, "openid profile", Oidc.Pkce().Challenge));
        return (clientId, secret, id, browser);
    }

    private static List<KeyValuePair<string, string>> Fields(string clientId, string challenge) =>
    [
        new("client_id", clientId), new("response_type", "code"), new("redirect_uri", Oidc.Redirect), new("scope", "openid profile"),
        new("state", "st-1"), new("code_challenge", challenge), new("code_challenge_method", "S256"),
    ];

    private static string Url(string clientId, string challenge, params (string Key, string Value)[] more) =>
        QueryHelpers.AddQueryString(Oidc.AuthorizeUrl(clientId, "openid profile", challenge), more.Select(m => new KeyValuePair<string, string?>(m.Key, m.Value)));

    private static JsonElement Claims(string jwt) => JsonDocument.Parse(Base64UrlEncoder.Decode(jwt.Split('.')[1])).RootElement.Clone();
}
