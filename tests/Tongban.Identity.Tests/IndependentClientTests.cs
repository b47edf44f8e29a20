using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Tongban.Identity.Tests;

/// <summary>
/// Issue #5 point 5: a portal built only on ASP.NET Core's own OpenIdConnect handler (none of our code) signs a citizen
/// in through Tongban, reads userinfo and signs out. Both hosts run in memory; the two "browsers" are cookie-keeping
/// HTTP clients, and the test carries each redirect from one to the other as a browser would.
/// </summary>
public sealed partial class IndependentClientTests(LaneApps lanes)
{
    private static readonly Uri Portal = new("https://localhost:5100/");

    [Theory, DatabaseLanes]
    public async Task A_portal_on_the_stock_OpenIdConnect_handler_signs_a_citizen_in_reads_userinfo_and_signs_out(DatabaseLane lane)
    {
        var tongban = await lanes.For(lane);
        var clientId = Oidc.NewClientId();
        var secret = await tongban.RegisterClientAsync(clientId, redirect: Portal + "signin-oidc", afterLogout: Portal + "signout-callback-oidc");
        var (id, _, _) = await tongban.RegisterAsync("李门户");
        await using var portal = await StartPortalAsync(tongban, clientId, secret);
        var portalBrowser = new HttpClient(new CookieContainerHandler { InnerHandler = portal.GetTestServer().CreateHandler() }) { BaseAddress = Portal };
        var tongbanBrowser = tongban.Browser();

        // The portal sends the browser to Tongban; Tongban has it sign in and consent, then posts the code back (form_post).
        using var challenge = await portalBrowser.GetAsync("/");
        var authorize = challenge.Headers.Location!;
        Assert.Equal("/connect/authorize", authorize.AbsolutePath);
        Assert.Contains("code_challenge_method=S256", authorize.Query, StringComparison.Ordinal);
        using (await tongbanBrowser.GetAsync(authorize.PathAndQuery)) { }
        using (await tongbanBrowser.PasswordSignInAsync(id, People.Password)) { }
        var consent = HiddenFields(await tongbanBrowser.GetStringAsync(authorize.PathAndQuery));
        using var formPost = await tongbanBrowser.PostFormAsync(authorize.PathAndQuery, "/connect/authorize?handler=Allow", consent.Where(f => f.Key != "__RequestVerificationToken").ToArray());
        var callback = HiddenFields(await formPost.Content.ReadAsStringAsync());
        Assert.Contains(callback, f => f.Key == "code");

        using var signedIn = await portalBrowser.PostAsync("/signin-oidc", new FormUrlEncodedContent(callback.Select(f => new KeyValuePair<string, string>(f.Key, f.Value))));
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var claims = JsonDocument.Parse(await portalBrowser.GetStringAsync("/")).RootElement;
        Assert.Equal("李门户", claims.GetProperty("name").GetString());
        Assert.Equal("1", claims.GetProperty("real_name_level").GetString());
        Assert.True(Guid.TryParse(claims.GetProperty("sub").GetString(), out _));
        Assert.False(claims.TryGetProperty("id_number", out _));

        // RP-initiated logout: the portal sends the browser to Tongban's end-session endpoint, which ends the Tongban session and returns.
        using var signOut = await portalBrowser.GetAsync("/sign-out");
        var endSession = signOut.Headers.Location!;
        Assert.Equal("/connect/endsession", endSession.AbsolutePath);
        using var ended = await tongbanBrowser.GetAsync(endSession.PathAndQuery);
        var back = ended.Headers.Location!;
        Assert.StartsWith(Portal + "signout-callback-oidc", back.ToString(), StringComparison.Ordinal);
        using var done = await portalBrowser.GetAsync(back.PathAndQuery);
        Assert.Equal("/signed-out", done.Headers.Location!.AbsolutePath);
        using var account = await tongbanBrowser.GetAsync("/account");
        Assert.Equal(HttpStatusCode.Redirect, account.StatusCode);
    }

    private static async Task<WebApplication> StartPortalAsync(TongbanApp tongban, string clientId, string secret)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddAuthentication(o =>
            {
                o.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
                o.DefaultChallengeScheme = OpenIdConnectDefaults.AuthenticationScheme;
            })
            .AddCookie()
            .AddOpenIdConnect(o =>
            {
                o.Authority = "http://localhost/";
                o.RequireHttpsMetadata = false;
                o.Backchannel = tongban.CreateClient();
                o.ClientId = clientId;
                o.ClientSecret = secret;
                o.ResponseType = "code";
                o.Scope.Add("profile");
                o.GetClaimsFromUserInfoEndpoint = true;
                o.SaveTokens = true;
                o.MapInboundClaims = false;
                o.ClaimActions.MapUniqueJsonKey("real_name_level", "real_name_level");
                o.SignedOutRedirectUri = "/signed-out";
            });
        var portal = builder.Build();
        portal.UseAuthentication();
        portal.MapGet("/", (HttpContext http) => http.User.Identity?.IsAuthenticated == true
            ? Results.Json(http.User.Claims.GroupBy(c => c.Type).ToDictionary(g => g.Key, g => g.First().Value))
            : Results.Challenge());
        portal.MapGet("/sign-out", () => Results.SignOut(null, [CookieAuthenticationDefaults.AuthenticationScheme, OpenIdConnectDefaults.AuthenticationScheme]));
        await portal.StartAsync();
        portal.GetTestServer().BaseAddress = Portal;
        return portal;
    }

    internal static List<(string Key, string Value)> HiddenFields(string html) =>
        HiddenField().Matches(html).Select(m => (WebUtility.HtmlDecode(m.Groups[1].Value), WebUtility.HtmlDecode(m.Groups[2].Value))).ToList();

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"")]
    private static partial Regex HiddenField();
}
