using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Identity.Features.OpenIdConnect;

namespace Tongban.Identity.Tests;

/// <summary>
/// RFC 9700 §4.14 and RFC 6749 §4.1.2: a refresh token or a code is redeemed once, and a second presentation — however
/// close in time — revokes everything that came of it, on the lean path and on OpenIddict's (reached with HTTP Basic).
/// </summary>
[Collection(LeanPathApps.Name)]
public sealed class ChainRevocationTests(ClassLaneApps lanes)
{
    private const int Racers = 24;

    [Theory, DatabaseLanes]
    public async Task Of_24_parallel_redemptions_of_one_refresh_token_on_the_lean_path_exactly_one_succeeds_and_then_every_token_of_the_chain_is_refused(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var answered = app.Services.GetRequiredService<RefreshGrants>().Answered;
        var chain = await RaceAsync(app, basic: false);
        Assert.True(app.Services.GetRequiredService<RefreshGrants>().Answered > answered, "the winner should have been answered on the lean path");
        await AssertChainRevokedAsync(app, chain);
    }

    [Theory, DatabaseLanes]
    public async Task Of_24_parallel_redemptions_of_one_refresh_token_on_OpenIddicts_path_exactly_one_succeeds_and_then_every_token_of_the_chain_is_refused(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var answered = app.Services.GetRequiredService<RefreshGrants>().Answered;
        var chain = await RaceAsync(app, basic: true);
        Assert.Equal(answered, app.Services.GetRequiredService<RefreshGrants>().Answered);
        await AssertChainRevokedAsync(app, chain);
    }

    [Theory, DatabaseLanes]
    public async Task A_code_redeemed_a_second_time_is_refused_and_revokes_the_tokens_the_first_redemption_gave(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var (client, code, verifier) = await CodeAsync(app);
        var (ok, tokens) = await app.RedeemAsync(client.Id, client.Secret, code, verifier);
        Assert.Equal(HttpStatusCode.OK, ok);
        Assert.Equal(HttpStatusCode.OK, (await app.UserInfoAsync(tokens.GetProperty("access_token").GetString()!)).Status);

        var (again, againBody) = await app.RedeemAsync(client.Id, client.Secret, code, verifier);
        Assert.Equal((HttpStatusCode.BadRequest, "invalid_grant"), (again, againBody.GetProperty("error").GetString()));
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.UserInfoAsync(tokens.GetProperty("access_token").GetString()!)).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await RefreshAsync(app, client, tokens.GetProperty("refresh_token").GetString()!, basic: false)).Status);
    }

    [Theory, DatabaseLanes]
    public async Task Of_parallel_redemptions_of_one_code_exactly_one_succeeds_and_its_tokens_are_revoked(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var (client, code, verifier) = await CodeAsync(app);
        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => app.RedeemAsync(client.Id, client.Secret, code, verifier)));

        var winner = Assert.Single(answers, a => a.Status == HttpStatusCode.OK);
        Assert.All(answers.Where(a => a.Status != HttpStatusCode.OK), a => Assert.Equal("invalid_grant", a.Body.GetProperty("error").GetString()));
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.UserInfoAsync(winner.Body.GetProperty("access_token").GetString()!)).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await RefreshAsync(app, client, winner.Body.GetProperty("refresh_token").GetString()!, basic: false)).Status);
    }

    private sealed record Client(string Id, string Secret);

    private sealed record Chain(Client Client, JsonElement First, JsonElement Winner);

    /// <summary>A citizen's first tokens, then <see cref="Racers"/> requests at once with its refresh token: one answer is tokens, the rest invalid_grant.</summary>
    private static async Task<Chain> RaceAsync(TongbanApp app, bool basic)
    {
        var (client, code, verifier) = await CodeAsync(app);
        var (_, first) = await app.RedeemAsync(client.Id, client.Secret, code, verifier);
        var token = first.GetProperty("refresh_token").GetString()!;
        using var start = new SemaphoreSlim(0);
        var racers = Enumerable.Range(0, Racers).Select(async _ =>
        {
            await start.WaitAsync();
            return await RefreshAsync(app, client, token, basic);
        }).ToArray();
        start.Release(Racers);
        var answers = await Task.WhenAll(racers);

        var winner = Assert.Single(answers, a => a.Status == HttpStatusCode.OK);
        Assert.All(answers.Where(a => a.Status != HttpStatusCode.OK), a => Assert.Equal("invalid_grant", a.Body.GetProperty("error").GetString()));
        return new Chain(client, first, winner.Body);
    }

    /// <summary>After the reuse no token of the chain works: neither refresh token, nor either access token at userinfo.</summary>
    private static async Task AssertChainRevokedAsync(TongbanApp app, Chain chain)
    {
        foreach (var tokens in new[] { chain.First, chain.Winner })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await app.UserInfoAsync(tokens.GetProperty("access_token").GetString()!)).Status);
            foreach (var basic in new[] { false, true })
            {
                var (status, body) = await RefreshAsync(app, chain.Client, tokens.GetProperty("refresh_token").GetString()!, basic);
                Assert.Equal((HttpStatusCode.BadRequest, "invalid_grant"), (status, body.GetProperty("error").GetString()));
            }
        }
    }

    private static async Task<(Client Client, string Code, string Verifier)> CodeAsync(TongbanApp app)
    {
        var clientId = Oidc.NewClientId();
        var client = new Client(clientId, await app.RegisterClientAsync(clientId, offline: true));
        var (id, _, _) = await app.RegisterAsync("竞速");
        var (verifier, challenge) = Oidc.Pkce();
        var code = await Oidc.AuthorizeAsync(app.Browser(), id, Oidc.AuthorizeUrl(clientId, "openid profile offline_access", challenge));
        return (client, code, verifier);
    }

    /// <summary>A refresh grant with the secret in the body (the lean path's form) or in HTTP Basic (always OpenIddict's path).</summary>
    private static async Task<(HttpStatusCode Status, JsonElement Body)> RefreshAsync(TongbanApp app, Client client, string token, bool basic)
    {
        var form = new List<KeyValuePair<string, string>> { new("grant_type", "refresh_token"), new("refresh_token", token) };
        var http = app.CreateClient();
        if (basic)
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
                Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Uri.EscapeDataString(client.Id)}:{Uri.EscapeDataString(client.Secret)}")));
        else
            form.AddRange([new("client_id", client.Id), new("client_secret", client.Secret)]);
        using var response = await http.PostAsync("/connect/token", new FormUrlEncodedContent(form));
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }
}
