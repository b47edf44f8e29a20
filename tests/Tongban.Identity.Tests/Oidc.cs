using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;
using Tongban.Kernel.Security;

namespace Tongban.Identity.Tests;

/// <summary>A relying party's side of the OpenID Connect flows, written from the specifications (RFC 6749, 7636), for tests.</summary>
internal static partial class Oidc
{
    public const string Redirect = "https://portal.example.cn/callback";
    public const string AfterLogout = "https://portal.example.cn/bye";

    /// <summary>Registers a confidential authorization-code client through the administrator's page; returns its secret.</summary>
    public static async Task<string> RegisterClientAsync(this TongbanApp app, string clientId, bool idNumber = false, bool offline = false,
        string redirect = Redirect, string afterLogout = AfterLogout)
    {
        var admin = await app.SignInAsync("系统管理员", Policies.SystemAdministrator);
        using var response = await RegisterAsync(admin, clientId, redirect, ("Input.IdNumber", idNumber ? "true" : "false"),
            ("Input.OfflineAccess", offline ? "true" : "false"), ("Input.PostLogoutRedirectUris", afterLogout));
        var html = await response.Content.ReadAsStringAsync();
        var secret = SecretPattern().Match(html);
        return secret.Success ? secret.Groups[1].Value : throw new InvalidOperationException($"No secret shown ({(int)response.StatusCode}): {People.Text(html)}");
    }

    public static Task<HttpResponseMessage> RegisterAsync(HttpClient admin, string clientId, string redirect, params (string Key, string Value)[] more) =>
        admin.PostFormAsync("/admin/identity/clients", "/admin/identity/clients",
        [("Input.ClientId", clientId), ("Input.DisplayName", "测试门户 " + clientId), ("Input.Confidential", "true"), ("Input.AuthorizationCode", "true"),
         ("Input.RedirectUris", redirect), ("Input.Profile", "true"), .. more]);

    public static (string Verifier, string Challenge) Pkce()
    {
        var verifier = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        return (verifier, WebEncoders.Base64UrlEncode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))));
    }

    public static string AuthorizeUrl(string clientId, string scope, string? challenge, string redirect = Redirect, string method = "S256") =>
        QueryHelpers.AddQueryString("/connect/authorize", new Dictionary<string, string?>
        {
            ["client_id"] = clientId, ["response_type"] = "code", ["redirect_uri"] = redirect, ["scope"] = scope, ["state"] = "st-1",
            ["code_challenge"] = challenge, ["code_challenge_method"] = challenge is null ? null : method,
        }.Where(p => p.Value is not null));

    /// <summary>Signs the person in from the authorization request (the sign-in page returns to it) and answers the consent page; returns the code.</summary>
    public static async Task<string> AuthorizeAsync(HttpClient browser, string idNumber, string url, bool consent = true)
    {
        using var first = await browser.GetAsync(url);
        var location = first.Headers.Location?.OriginalString ?? "";
        if (location.StartsWith("/account/sign-in", StringComparison.Ordinal))
        {
            var returnUrl = QueryHelpers.ParseQuery(new Uri(new Uri("http://localhost"), location).Query)["ReturnUrl"].ToString();
            using var signedIn = await browser.PostFormAsync(location, "/account/sign-in?handler=Password", ("Login", idNumber), ("Password", People.Password), ("ReturnUrl", returnUrl));
            Assert.Equal(returnUrl, signedIn.Headers.Location?.OriginalString);
        }
        using var page = await browser.GetAsync(url);
        if (page.StatusCode == HttpStatusCode.OK && consent)
        {
            var fields = QueryHelpers.ParseQuery(new Uri(new Uri("http://localhost"), url).Query).Select(p => (p.Key, p.Value.ToString())).ToArray();
            using var allowed = await browser.PostFormAsync(url, "/connect/authorize?handler=Allow", fields);
            return CodeFrom(allowed);
        }
        return CodeFrom(page);
    }

    public static string CodeFrom(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var query = QueryHelpers.ParseQuery(response.Headers.Location!.Query);
        Assert.False(query.ContainsKey("error"), query.TryGetValue("error_description", out var d) ? d.ToString() : "");
        return query["code"].ToString();
    }

    /// <summary>
    /// The OAuth error of a refused authorization request, and no code: sent back to the client's redirect URI, or —
    /// when OpenIddict will not redirect (an unregistered URI, a scope or PKCE rule broken) — shown as a 400 page.
    /// </summary>
    public static async Task<string> ErrorOfAsync(HttpResponseMessage response)
    {
        if (response.Headers.Location is { } location)
        {
            var query = QueryHelpers.ParseQuery(location.Query);
            Assert.False(query.ContainsKey("code"));
            return query["error"].ToString();
        }
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        return ErrorLine().Match(await response.Content.ReadAsStringAsync()).Groups[1].Value;
    }

    public static async Task<(HttpStatusCode Status, JsonElement Body)> TokenAsync(this TongbanApp app, params (string Key, string Value)[] form)
    {
        using var response = await app.CreateClient().PostAsync("/connect/token", new FormUrlEncodedContent(form.Select(f => new KeyValuePair<string, string>(f.Key, f.Value))));
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    public static Task<(HttpStatusCode Status, JsonElement Body)> RedeemAsync(this TongbanApp app, string clientId, string secret, string code, string? verifier) =>
        app.TokenAsync([("grant_type", "authorization_code"), ("client_id", clientId), ("client_secret", secret), ("code", code), ("redirect_uri", Redirect),
            .. verifier is null ? Array.Empty<(string, string)>() : [("code_verifier", verifier)]]);

    public static async Task<(HttpStatusCode Status, JsonElement Body)> UserInfoAsync(this TongbanApp app, string accessToken)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", accessToken);
        using var response = await client.GetAsync("/connect/userinfo");
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length > 0 ? JsonDocument.Parse(text).RootElement.Clone() : default);
    }

    public static string NewClientId() => "portal-" + Guid.NewGuid().ToString("N")[..10];

    [GeneratedRegex("^error:(\\S+)", RegexOptions.Multiline)]
    private static partial Regex ErrorLine();

    [GeneratedRegex("<code class=\"client-secret\">([^<]+)</code>")]
    private static partial Regex SecretPattern();
}
