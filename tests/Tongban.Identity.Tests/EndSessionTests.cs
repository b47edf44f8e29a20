using System.Net;
using Microsoft.AspNetCore.WebUtilities;

namespace Tongban.Identity.Tests;

/// <summary>
/// OpenID Connect RP-Initiated Logout §2: the end-session endpoint signs the person out at once only when the
/// <c>id_token_hint</c> is theirs; without one (or with another's, or a bad one) it asks them first, so another site
/// cannot sign them out with a bare link or image.
/// </summary>
public sealed class EndSessionTests(LaneApps lanes)
{
    [Theory, DatabaseLanes]
    public async Task A_bare_GET_asks_the_person_and_signs_them_out_only_when_they_confirm_on_the_page(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var (_, _, browser) = await SignedInAsync(app);

        using var page = await browser.GetAsync("/connect/endsession");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("退出登录", People.Text(await page.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/account")).StatusCode);

        // A cross-site form posting the confirmation has no antiforgery token: refused, still signed in.
        using (var forged = await browser.PostAsync("/connect/endsession?handler=Confirm", new FormUrlEncodedContent([])))
            Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/account")).StatusCode);

        using var confirmed = await browser.PostFormAsync("/connect/endsession", "/connect/endsession?handler=Confirm");
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/account")).StatusCode);
    }

    [Theory, DatabaseLanes]
    public async Task A_hint_of_another_person_or_a_forged_one_signs_no_one_out_without_asking(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var (client, _, browser) = await SignedInAsync(app);
        var (_, otherTokens, _) = await SignedInAsync(app, client);
        var others = otherTokens.GetProperty("id_token").GetString()!;

        foreach (var hint in new[] { others, others[..^4] + (others.EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA") })
        {
            using var response = await browser.GetAsync(EndSession(hint));
            Assert.NotEqual(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/account")).StatusCode);
        }
    }

    [Theory, DatabaseLanes]
    public async Task The_persons_own_hint_signs_them_out_at_once_and_returns_to_the_registered_address_with_the_state(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var (_, tokens, browser) = await SignedInAsync(app);

        using var ended = await browser.GetAsync(EndSession(tokens.GetProperty("id_token").GetString()!));
        Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);
        Assert.StartsWith(Oidc.AfterLogout, ended.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal("bye-1", QueryHelpers.ParseQuery(ended.Headers.Location.Query)["state"].ToString());
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/account")).StatusCode);
    }

    private static string EndSession(string hint) => QueryHelpers.AddQueryString("/connect/endsession", new Dictionary<string, string?>
    {
        ["id_token_hint"] = hint, ["post_logout_redirect_uri"] = Oidc.AfterLogout, ["state"] = "bye-1",
    });

    /// <summary>A citizen signed in to a client (a new one, or <paramref name="client"/>) on a browser, with their tokens.</summary>
    private static async Task<((string Id, string Secret) Client, System.Text.Json.JsonElement Tokens, HttpClient Browser)> SignedInAsync(
        TongbanApp app, (string Id, string Secret)? client = null)
    {
        if (client is null)
        {
            var clientId = Oidc.NewClientId();
            client = (clientId, await app.RegisterClientAsync(clientId));
        }
        var (id, _, _) = await app.RegisterAsync("退出");
        var browser = app.Browser();
        var (verifier, challenge) = Oidc.Pkce();
        var code = await Oidc.AuthorizeAsync(browser, id, Oidc.AuthorizeUrl(client.Value.Id, "openid profile", challenge));
        var (_, tokens) = await app.RedeemAsync(client.Value.Id, client.Value.Secret, code, verifier);
        return (client.Value, tokens, browser);
    }
}
