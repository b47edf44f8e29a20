using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Tongban.Web.Tests;

/// <summary>State-changing API calls signed in by the session cookie come from this site's pages, or carry the antiforgery token.</summary>
public sealed class CrossSiteApiTests(LaneApps apps)
{
    /// <summary>A signed-in citizen's browser, before it says where a request comes from.</summary>
    private static async Task<HttpClient> CitizenAsync(TongbanApp app)
    {
        var (_, _, client) = await app.RegisterCitizenAsync("跨站测试");
        client.DefaultRequestHeaders.Remove("Sec-Fetch-Site");
        return client;
    }

    private static HttpRequestMessage ChannelsPut(string? origin = null, string? token = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, "/api/notifications/channels") { Content = JsonContent.Create(new { sms = false, email = true }) };
        if (origin is not null) request.Headers.Add("Origin", origin);
        if (token is not null) request.Headers.Add("RequestVerificationToken", token);
        return request;
    }

    [Theory, DatabaseLanes]
    public async Task A_cross_site_write_with_the_session_cookie_is_refused_with_a_bilingual_problem_and_changes_nothing(DatabaseLane lane)
    {
        var client = await CitizenAsync(await apps.For(lane));
        foreach (var origin in new[] { "https://evil.example", null })
        {
            using var response = await client.SendAsync(ChannelsPut(origin));
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var error = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors")[0];
            Assert.Equal("request.cross_site", error.GetProperty("code").GetString());
            Assert.Contains("防伪令牌", error.GetProperty("zh").GetString(), StringComparison.Ordinal);
            Assert.Contains("antiforgery token", error.GetProperty("en").GetString(), StringComparison.Ordinal);
        }
        using var upload = new HttpRequestMessage(HttpMethod.Post, $"/api/applications/drafts/{Guid.NewGuid()}/materials/id-card")
        {
            Content = new MultipartFormDataContent { { new ByteArrayContent("%PDF"u8.ToArray()), "file", "a.pdf" } },
            Headers = { { "Origin", "https://evil.example" } },
        };
        Assert.Equal(HttpStatusCode.Forbidden, (await client.SendAsync(upload)).StatusCode);
        Assert.True((await client.GetFromJsonAsync<JsonElement>("/api/notifications/channels")).GetProperty("sms").GetBoolean());
    }

    [Theory, DatabaseLanes]
    public async Task The_same_write_with_the_antiforgery_token_or_from_this_site_goes_through(DatabaseLane lane)
    {
        var client = await CitizenAsync(await apps.For(lane));
        var token = await TongbanApp.AntiforgeryTokenAsync(client, "/account");
        using (var withToken = await client.SendAsync(ChannelsPut("https://evil.example", token)))
            Assert.Equal(HttpStatusCode.OK, withToken.StatusCode);
        Assert.False((await client.GetFromJsonAsync<JsonElement>("/api/notifications/channels")).GetProperty("sms").GetBoolean());

        using (var sameOrigin = await client.SendAsync(ChannelsPut("http://localhost")))
            Assert.Equal(HttpStatusCode.OK, sameOrigin.StatusCode);
        var page = ChannelsPut();
        page.Headers.Add("Sec-Fetch-Site", "same-origin");
        using (var fromPage = await client.SendAsync(page))
            Assert.Equal(HttpStatusCode.OK, fromPage.StatusCode);
    }

    [Theory, DatabaseLanes]
    public async Task A_bearer_token_call_is_not_asked_where_it_comes_from(DatabaseLane lane)
    {
        var system = await (await apps.For(lane)).ClientCredentialsAsync(0);
        system.DefaultRequestHeaders.Remove("Sec-Fetch-Site");
        // The same browser-like client also holds a session cookie: the bearer token, not the cookie, speaks for the call.
        using (await system.PostFormAsync("/sign-in", "/sign-in", ("Name", "跨站测试"), ("Roles", "window-clerk"))) { }
        Assert.Equal(HttpStatusCode.OK, (await system.GetAsync("/api/applications/cases")).StatusCode);
        async Task<(HttpStatusCode, string)> QueryAsync(string? origin)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/exchange/11211200061012195B-00001/query")
            {
                Content = JsonContent.Create(new { key = "211221196805129013", fields = new[] { "name" }, purpose = "测试" }),
            };
            if (origin is not null) request.Headers.Add("Origin", origin);
            using var response = await system.SendAsync(request);
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
        }
        var (plain, plainBody) = await QueryAsync(null);
        var (crossSite, body) = await QueryAsync("https://evil.example");
        Assert.Equal(plain, crossSite);
        Assert.DoesNotContain("request.cross_site", plainBody + body, StringComparison.Ordinal);
    }
}
