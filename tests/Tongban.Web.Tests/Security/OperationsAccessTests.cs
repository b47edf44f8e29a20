using System.Net;
using Tongban.Kernel.Security;

namespace Tongban.Web.Tests.Security;

/// <summary>
/// /metrics and the API description in production: system administrators and internal addresses only. The client
/// address behind a proxy comes from X-Forwarded-For only when the proxy is one configured.
/// </summary>
public sealed class OperationsAccessTests
{
    private static readonly string[] Paths = ["/metrics", "/openapi/v1.json", "/openapi/"];

    private static TongbanApp Create(TestDatabase database, params (string Key, string Value)[] settings)
    {
        var all = new Dictionary<string, string?>
        {
            ["Region:SeedDemoWhenEmpty"] = "false", ["Operations:Restricted"] = "true", ["Operations:InternalNetworks:0"] = "10.8.0.0/24",
        };
        foreach (var (key, value) in settings) all[key] = value;
        return new TongbanApp(database, all, ClientAddresses.Use);
    }

    [Fact]
    public async Task Metrics_and_the_API_description_are_for_system_administrators_and_internal_addresses()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseLane.Sqlite);
        await using var app = Create(database);
        var administrator = await app.SignInAsync("系统管理员", Policies.SystemAdministrator);
        var clerk = await app.SignInAsync("窗口人员", Policies.WindowClerk);
        foreach (var path in Paths)
        {
            Assert.Equal(HttpStatusCode.Redirect, (await app.From("203.0.113.9").GetAsync(path)).StatusCode); // to the sign-in page
            Assert.Contains("/status/403", (await clerk.GetAsync(path)).Headers.Location?.OriginalString, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.OK, (await administrator.GetAsync(path)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await app.From("10.8.0.17").GetAsync(path)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await app.From("::ffff:10.8.0.18").GetAsync(path)).StatusCode);
        }
    }

    [Fact]
    public async Task Behind_a_configured_proxy_the_forwarded_address_counts_and_from_anyone_else_it_does_not()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseLane.Sqlite);
        await using var app = Create(database, ("ForwardedHeaders:Enabled", "true"), ("ForwardedHeaders:KnownProxies:0", "192.0.2.10"));
        var viaProxy = app.From("192.0.2.10");
        viaProxy.DefaultRequestHeaders.Add("X-Forwarded-For", "10.8.0.20");
        Assert.Equal(HttpStatusCode.OK, (await viaProxy.GetAsync("/metrics")).StatusCode);

        var spoofed = app.From("198.51.100.7");
        spoofed.DefaultRequestHeaders.Add("X-Forwarded-For", "10.8.0.20");
        Assert.Equal(HttpStatusCode.Redirect, (await spoofed.GetAsync("/metrics")).StatusCode);
    }

    [Fact]
    public async Task Forwarded_headers_without_a_named_proxy_refuse_to_start()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseLane.Sqlite);
        await using var app = Create(database, ("ForwardedHeaders:Enabled", "true"));
        var refusal = Assert.ThrowsAny<Exception>(() => app.Server);
        Assert.Contains("KnownProxies", refusal.ToString(), StringComparison.Ordinal);
    }
}
