using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.EntityFrameworkCore.Models;
using OpenIddict.Server;
using Tongban.Identity.Data;
using Tongban.Identity.Features.OpenIdConnect;

namespace Tongban.Identity.Tests;

/// <summary>The lean refresh path (ADR 0011): answers as OpenIddict would, and leaves everything it cannot prove good to OpenIddict.</summary>
[Collection(LeanPathApps.Name)]
public sealed class RefreshGrantTests(ClassLaneApps lanes)
{
    /// <summary>Claims whose values differ from one token to the next by design; their presence is still compared.</summary>
    private static readonly HashSet<string> PerToken = ["iat", "exp", "jti", "oi_tkn_id", "at_hash"];

    [Theory, DatabaseLanes]
    public async Task A_refresh_grant_on_the_lean_path_answers_with_the_tokens_and_entries_OpenIddict_makes(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        // With the profile scope the name and level go to the ID token; without it they travel only in the refresh token.
        foreach (var scope in new[] { "openid profile offline_access", "openid offline_access" })
            await CompareAsync(app, scope);
    }

    private static async Task CompareAsync(TongbanApp app, string scope)
    {
        var (clientId, secret, first) = await SignInAsync(app, scope);
        var grants = app.Services.GetRequiredService<RefreshGrants>();
        var lean = app.Services.GetRequiredService<IOptions<OpenIdConnectOptions>>().Value;

        lean.LeanRefreshGrants = false;
        var before = grants.Answered;
        JsonElement byOpenIddict;
        try
        {
            byOpenIddict = await RefreshAsync(app, clientId, secret, first.GetProperty("refresh_token").GetString()!);
        }
        finally
        {
            lean.LeanRefreshGrants = true;
        }
        // The entries each path writes for its access and refresh token, alike but for their keys and times.
        async Task<string[]> EntriesOf(JsonElement response)
        {
            var ids = new List<Guid>();
            foreach (var kind in new[] { "access_token", "refresh_token" })
                ids.Add(Guid.Parse((await ReadAsync(app, response.GetProperty(kind).GetString()!)).Payload.GetProperty("oi_tkn_id").GetString()!));
            using var scope = app.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<AccountsDbContext>();
            var rows = await db.Set<OpenIddictEntityFrameworkCoreToken<Guid>>().Where(t => ids.Contains(t.Id))
                .Select(t => new { t.Type, t.Status, t.Subject, t.Payload, t.Properties, t.ReferenceId, t.RedemptionDate, Application = t.Application!.ClientId, Authorization = t.Authorization!.Id, t.CreationDate, t.ExpirationDate })
                .ToListAsync();
            return [.. rows.Select(r => $"{r.Type} {r.Status} {r.Subject} {r.Payload} {r.Properties} {r.ReferenceId} {r.RedemptionDate} {r.Application} {r.Authorization} {Math.Round((r.ExpirationDate - r.CreationDate)!.Value.TotalSeconds)}").Order()];
        }
        Assert.Equal(before, grants.Answered);
        var openIddictEntries = await EntriesOf(byOpenIddict);
        var byLeanPath = await RefreshAsync(app, clientId, secret, byOpenIddict.GetProperty("refresh_token").GetString()!);
        Assert.Equal(before + 1, grants.Answered);

        Assert.Equal(Names(byOpenIddict), Names(byLeanPath));
        Assert.Equal(byOpenIddict.GetProperty("token_type").GetString(), byLeanPath.GetProperty("token_type").GetString());
        Assert.Equal(byOpenIddict.GetProperty("scope").GetString(), byLeanPath.GetProperty("scope").GetString());
        // The lean path counts from the moment it made the tokens; OpenIddict from when it writes the answer, which on a busy machine may be seconds later.
        Assert.InRange(byLeanPath.GetProperty("expires_in").GetInt32() - byOpenIddict.GetProperty("expires_in").GetInt32(), -1, 10);
        foreach (var kind in new[] { "access_token", "id_token", "refresh_token" })
        {
            var (expected, actual) = (await ReadAsync(app, byOpenIddict.GetProperty(kind).GetString()!), await ReadAsync(app, byLeanPath.GetProperty(kind).GetString()!));
            Assert.Equal(expected.Headers, actual.Headers);
            Assert.Equal(Names(expected.Payload), Names(actual.Payload));
            foreach (var claim in expected.Payload.EnumerateObject().Where(c => !PerToken.Contains(c.Name)))
                Assert.Equal(Canonical(claim.Value), Canonical(actual.Payload.GetProperty(claim.Name)));
            Assert.Equal(Lifetime(expected.Payload), Lifetime(actual.Payload));
        }

        Assert.Equal(2, openIddictEntries.Length);
        Assert.Equal(openIddictEntries, await EntriesOf(byLeanPath));
        // The refresh token each path was given is redeemed alike: OpenIddict redeemed the first, the lean path the second.
        async Task<string> RedeemedOf(JsonElement response)
        {
            var id = Guid.Parse((await ReadAsync(app, response.GetProperty("refresh_token").GetString()!)).Payload.GetProperty("oi_tkn_id").GetString()!);
            using var scope = app.Services.CreateScope();
            var row = await scope.ServiceProvider.GetRequiredService<AccountsDbContext>().Set<OpenIddictEntityFrameworkCoreToken<Guid>>().SingleAsync(t => t.Id == id);
            return $"{row.Status} {row.RedemptionDate is not null}";
        }
        Assert.Equal("redeemed True", await RedeemedOf(first));
        Assert.Equal(await RedeemedOf(first), await RedeemedOf(byOpenIddict));

        // What the lean path issued works where OpenIddict's would: userinfo, and the next grant.
        Assert.Equal(HttpStatusCode.OK, (await app.UserInfoAsync(byLeanPath.GetProperty("access_token").GetString()!)).Status);
        await RefreshAsync(app, clientId, secret, byLeanPath.GetProperty("refresh_token").GetString()!);
        Assert.Equal(before + 2, grants.Answered);
    }

    [Theory, DatabaseLanes]
    public async Task A_request_the_lean_path_cannot_prove_good_goes_to_OpenIddict_and_leaves_the_token_as_it_was(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var (clientId, secret, first) = await SignInAsync(app, "openid offline_access");
        var token = first.GetProperty("refresh_token").GetString()!;
        var grants = app.Services.GetRequiredService<RefreshGrants>();
        var before = grants.Answered;

        var (wrongSecret, wrongSecretBody) = await Grant(app, ("client_id", clientId), ("client_secret", "not-the-secret"), ("refresh_token", token));
        Assert.Equal((HttpStatusCode.Unauthorized, "invalid_client"), (wrongSecret, wrongSecretBody.GetProperty("error").GetString()));
        var (otherClient, otherClientBody) = await Grant(app, ("client_id", TestClients.All[0].ClientId), ("client_secret", TestClients.All[0].Secret), ("refresh_token", token));
        Assert.Equal(HttpStatusCode.BadRequest, otherClient);
        Assert.False(otherClientBody.TryGetProperty("access_token", out _));
        var (tampered, tamperedBody) = await Grant(app, ("client_id", clientId), ("client_secret", secret), ("refresh_token", token[..^4] + (token.EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA")));
        Assert.Equal((HttpStatusCode.BadRequest, "invalid_grant"), (tampered, tamperedBody.GetProperty("error").GetString()));
        Assert.Equal(before, grants.Answered);

        // None of that touched the token: it still gives tokens, once, on the lean path.
        var next = await RefreshAsync(app, clientId, secret, token);
        Assert.Equal(before + 1, grants.Answered);
        // A narrower scope is OpenIddict's to answer.
        var (narrowed, narrowedBody) = await Grant(app, ("client_id", clientId), ("client_secret", secret), ("refresh_token", next.GetProperty("refresh_token").GetString()!), ("scope", "openid offline_access"));
        Assert.Equal(HttpStatusCode.OK, narrowed);
        Assert.True(narrowedBody.TryGetProperty("refresh_token", out _));
        Assert.Equal(before + 1, grants.Answered);
    }

    [Theory, DatabaseLanes]
    public async Task Two_requests_racing_with_one_refresh_token_get_tokens_once_and_the_chain_is_revoked(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var (clientId, secret, first) = await SignInAsync(app, "openid offline_access");
        var token = first.GetProperty("refresh_token").GetString()!;
        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Grant(app, ("client_id", clientId), ("client_secret", secret), ("refresh_token", token))));

        var granted = Assert.Single(answers, a => a.Status == HttpStatusCode.OK);
        Assert.All(answers.Where(a => a.Status != HttpStatusCode.OK), a => Assert.Equal("invalid_grant", a.Body.GetProperty("error").GetString()));
        // Whichever came second saw a reuse: the tokens the winner got are revoked with the rest of the chain.
        var (after, afterBody) = await Grant(app, ("client_id", clientId), ("client_secret", secret), ("refresh_token", granted.Body.GetProperty("refresh_token").GetString()!));
        Assert.Equal((HttpStatusCode.BadRequest, "invalid_grant"), (after, afterBody.GetProperty("error").GetString()));
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.UserInfoAsync(granted.Body.GetProperty("access_token").GetString()!)).Status);
    }

    private static async Task<(string ClientId, string Secret, JsonElement Tokens)> SignInAsync(TongbanApp app, string scope)
    {
        var clientId = Oidc.NewClientId();
        var secret = await app.RegisterClientAsync(clientId, offline: true);
        var (id, _, _) = await app.RegisterAsync("刘晓");
        var (verifier, challenge) = Oidc.Pkce();
        var code = await Oidc.AuthorizeAsync(app.Browser(), id, Oidc.AuthorizeUrl(clientId, scope, challenge));
        var (status, tokens) = await app.RedeemAsync(clientId, secret, code, verifier);
        Assert.Equal(HttpStatusCode.OK, status);
        return (clientId, secret, tokens);
    }

    private static Task<(HttpStatusCode Status, JsonElement Body)> Grant(TongbanApp app, params (string Key, string Value)[] form) =>
        app.TokenAsync([("grant_type", "refresh_token"), .. form]);

    private static async Task<JsonElement> RefreshAsync(TongbanApp app, string clientId, string secret, string token)
    {
        var (status, body) = await Grant(app, ("client_id", clientId), ("client_secret", secret), ("refresh_token", token));
        Assert.True(status == HttpStatusCode.OK, body.GetRawText());
        return body;
    }

    private static string[] Names(JsonElement json) => [.. json.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal)];

    /// <summary>A JSON value with its objects' members in name order, so two serialisations of one value compare equal.</summary>
    private static string Canonical(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "{" + string.Join(",", value.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal).Select(p => $"\"{p.Name}\":{Canonical(p.Value)}")) + "}",
        JsonValueKind.Array => "[" + string.Join(",", value.EnumerateArray().Select(Canonical)) + "]",
        _ => value.GetRawText(),
    };

    private static long Lifetime(JsonElement payload) => payload.GetProperty("exp").GetInt64() - payload.GetProperty("iat").GetInt64();

    /// <summary>A token's headers (outer and inner, for an encrypted one) and its payload, read with the server's own keys.</summary>
    private static async Task<(string Headers, JsonElement Payload)> ReadAsync(TongbanApp app, string token)
    {
        var server = app.Services.GetRequiredService<IOptions<OpenIddictServerOptions>>().Value;
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidateIssuer = false, ValidateAudience = false, ValidateLifetime = false,
            IssuerSigningKeys = server.SigningCredentials.Select(c => c.Key), TokenDecryptionKeys = server.EncryptionCredentials.Select(c => c.Key),
        });
        Assert.True(result.IsValid, result.Exception?.Message);
        var jwt = (JsonWebToken)result.SecurityToken;
        var inner = jwt.InnerToken ?? jwt;
        static string Header(string encoded) => string.Join(", ", JsonDocument.Parse(Base64UrlEncoder.Decode(encoded)).RootElement.EnumerateObject()
            .Select(p => $"{p.Name}={p.Value}").Order(StringComparer.Ordinal));
        return (Header(jwt.EncodedHeader) + " / " + Header(inner.EncodedHeader),
            JsonDocument.Parse(Base64UrlEncoder.Decode(inner.EncodedPayload)).RootElement.Clone());
    }
}
