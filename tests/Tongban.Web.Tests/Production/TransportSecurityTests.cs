using System.Net;
using System.Text;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Tongban.Web.Tests.Production;

/// <summary>With the shipped settings in production: HTTPS only, Secure cookies, the security headers on every answer.</summary>
public sealed class TransportSecurityTests
{
    private static readonly Dictionary<string, string?> HttpsPort = new() { ["HTTPS_PORT"] = "443" };

    [Fact]
    public async Task Every_answer_carries_the_security_headers_pages_errors_problems_and_static_files()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseLane.Sqlite);
        await using var app = new ProductionApp(database);
        var client = app.Browser();
        var answers = new List<HttpResponseMessage>
        {
            await client.GetAsync("/"),
            await client.GetAsync("/no-such-page"),
            await client.GetAsync("/api/organization/halls/no-such-hall"),
            await client.PostAsync("/api/identity/accounts", new StringContent("{", Encoding.UTF8, "application/json")),
            await client.GetAsync("/css/site.css"),
            await client.GetAsync("/health/live"),
            await client.GetAsync("/.well-known/openid-configuration"),
        };
        Assert.Equal([200, 404, 404, 400, 200, 200, 200], answers.Select(a => (int)a.StatusCode));
        foreach (var answer in answers)
        {
            var csp = string.Join(";", answer.Headers.GetValues("Content-Security-Policy"));
            Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
            Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
            Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
            Assert.Equal("nosniff", answer.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("same-origin", answer.Headers.GetValues("Referrer-Policy").Single());
            Assert.Contains("camera=()", answer.Headers.GetValues("Permissions-Policy").Single(), StringComparison.Ordinal);
            Assert.StartsWith("max-age=", answer.Headers.GetValues("Strict-Transport-Security").Single(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Plain_http_is_redirected_to_https_except_health_and_every_cookie_is_secure()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseLane.Sqlite);
        await using var app = new ProductionApp(database, HttpsPort);
        var plain = app.CreateClient(new() { AllowAutoRedirect = false });
        using var redirected = await plain.GetAsync("/account/sign-in");
        Assert.Equal(HttpStatusCode.TemporaryRedirect, redirected.StatusCode);
        Assert.Equal("https://localhost/account/sign-in", redirected.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await plain.GetAsync("/health/live")).StatusCode);

        var client = app.Browser();
        var cookies = new List<string>();
        foreach (var path in new[] { "/account/register", "/preferences/language?value=en&returnUrl=%2F", "/preferences/display?value=elder&returnUrl=%2F" })
            cookies.AddRange((await client.GetAsync(path)).Headers.GetValues("Set-Cookie"));
        using var registered = await client.PostFormAsync("/account/register", "/account/register",
            ("Input.IdNumber", TestPeople.NewIdNumber()), ("Input.Name", "安全"), ("Input.Phone", TestPeople.NewPhone()), ("Input.Password", TestPeople.Password));
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        cookies.AddRange(registered.Headers.GetValues("Set-Cookie"));
        Assert.Contains(cookies, c => c.StartsWith("tongban.session=", StringComparison.Ordinal));
        Assert.Contains(cookies, c => c.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal));
        Assert.All(cookies, c => Assert.Contains("; secure", c, StringComparison.OrdinalIgnoreCase));
        Assert.All(cookies, c => Assert.Contains("; httponly", c, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Kestrel_sends_no_server_header_and_the_headers_go_out_on_the_wire()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseLane.Sqlite);
        await using var app = new TongbanApp(database, new Dictionary<string, string?> { ["Region:SeedDemoWhenEmpty"] = "false" });
        app.UseKestrel(0);
        app.StartServer();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal);
        using var http = new HttpClient { BaseAddress = new Uri(address) };
        foreach (var path in new[] { "/", "/no-such-page", "/css/site.css" })
        {
            using var response = await http.GetAsync(path);
            Assert.False(response.Headers.Contains("Server"), $"{path} sent a Server header");
            Assert.True(response.Headers.Contains("Content-Security-Policy"), $"{path} sent no Content-Security-Policy");
        }
    }
}
