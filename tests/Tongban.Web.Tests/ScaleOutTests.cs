using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Tongban.Web.Tests;

/// <summary>
/// Issue #21 item 6, as a province runs: two web instances, each its own process, over one PostgreSQL database, behind
/// Debian's nginx taking turns between them (round robin, no sticky sessions). A citizen registers with a form one
/// instance rendered and the other received (antiforgery and the sign-in cookie under the shared data-protection keys),
/// then uses their account through both; a catalog change made through one instance is found in the other's search
/// at once (<c>ChangeSignals</c>: NOTIFY on commit), well inside the index's own 30-second refresh; and a calling
/// screen following one instance shows a ticket taken at the kiosk through the other at once, not at its next poll.
/// On the PostgreSQL lane only: SQLite is for one instance. Without PostgreSQL or nginx the test says so and does not run.
/// </summary>
public sealed class ScaleOutTests
{
    [Theory, InlineData(DatabaseLane.Postgres)]
    public async Task Two_instances_behind_nginx_share_a_citizens_session_and_forms_and_a_catalog_change_reaches_both_at_once(DatabaseLane lane)
    {
        var nginx = Lanes.RequireNginx();
        var web = HostProcess.Built("src/Tongban.Web", "Tongban.Web.dll");
        await using var data = await TestDatabase.CreateWithDemoRegionAsync(lane);
        var settings = new Dictionary<string, string?>(data.Settings)
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development", ["Database:MigrateOnStartup"] = "false", ["RateLimits:Enabled"] = "false",
            ["Licenses:DemoHistoryRecords"] = "0", ["Logging:LogLevel:Default"] = "Warning",
            ["ForwardedHeaders:Enabled"] = "true", ["ForwardedHeaders:KnownProxies:0"] = "127.0.0.1",
            ["Halls:ScreenPoll"] = "00:01:00", // a screen that is not woken looks again only after a minute
            ["Halls:TicketsOutsideSessions"] = "true", // the kiosk gives tickets whatever the hour the test runs at
        };
        var (portA, portB) = (HostProcess.FreePort(), HostProcess.FreePort());
        var starting = new[] // together, as a deployment starts them
        {
            HostProcess.StartAsync("instance A", web, portA, settings, "/health/ready", TimeSpan.FromSeconds(150)),
            HostProcess.StartAsync("instance B", web, portB, settings, "/health/ready", TimeSpan.FromSeconds(150)),
        };
        await Task.WhenAll(starting).ContinueWith(_ => { }, TaskScheduler.Default);
        if (starting.FirstOrDefault(s => !s.IsCompletedSuccessfully) is { } failed)
        {
            foreach (var started in starting.Where(s => s.IsCompletedSuccessfully)) await (await started).DisposeAsync(); // nothing left running
            await failed;
        }
        await using var a = await starting[0];
        await using var b = await starting[1];
        await using var proxy = await Nginx.StartAsync(nginx, a.Port, b.Port);

        // The citizen, through the proxy: the registration form comes from one instance and is posted to the other.
        using var citizen = Client(proxy.Address);
        var idNumber = TestPeople.NewIdNumber();
        using (var registered = await citizen.PostFormAsync("/account/register", "/account/register",
            ("Input.IdNumber", idNumber), ("Input.Name", "两实例市民"), ("Input.Phone", TestPeople.NewPhone()), ("Input.Password", TestPeople.Password)))
            Assert.True(registered.StatusCode == HttpStatusCode.Redirect, $"{registered.StatusCode}: {await registered.Content.ReadAsStringAsync()}");
        var served = new HashSet<string>();
        for (var i = 0; i < 4; i++)
        {
            using var account = await citizen.GetAsync("/account");
            Assert.Equal(HttpStatusCode.OK, account.StatusCode);
            Assert.Contains("两实例市民", await account.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            served.Add(account.Headers.GetValues(Nginx.InstanceHeader).Single());
        }
        Assert.Equal(new[] { $"127.0.0.1:{portA}", $"127.0.0.1:{portB}" }.Order(), served.Order()); // both instances served the citizen
        // Signed out on one instance, in again with the password on the other (a form each way again).
        using (var signedOut = await citizen.PostFormAsync("/account", "/account/sign-out")) Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await citizen.GetAsync("/account")).StatusCode);
        using (var signedIn = await citizen.PasswordSignInAsync(idNumber, TestPeople.Password)) Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        for (var i = 0; i < 2; i++) Assert.Equal(HttpStatusCode.OK, (await citizen.GetAsync("/account")).StatusCode);

        // Both instances have built their search index; a synonym added through A is found through B at once.
        const string Term = "甪甴甶"; // characters no item has
        using var onA = Client(a.Address);
        using var onB = Client(b.Address);
        Assert.Equal(0, await HitsAsync(onB, Term));
        await DevelopmentSignInAsync(onA, "事项管理员", "catalog-administrator");
        using (var added = await onA.PostFormAsync("/admin/catalog/synonyms", "/admin/catalog/synonyms?handler=Add", ("Terms", $"{Term}|居住证")))
            Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.True(await HitsAsync(onA, Term) > 0, "the writer finds its own change");
        var seen = Stopwatch.StartNew();
        while (await HitsAsync(onB, Term) == 0)
        {
            Assert.True(seen.Elapsed < TimeSpan.FromSeconds(10), "instance B's search did not see the change made through A within 10 s (its own refresh is every 30 s)");
            await Task.Delay(100);
        }

        // A calling screen follows instance B; a ticket is taken through A: the screen's stream sends the new state at once.
        const string Hall = "yinzhou";
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        using var stream = await onB.GetAsync($"/halls/{Hall}/screen/events", HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        using var reader = new StreamReader(await stream.Content.ReadAsStreamAsync(timeout.Token));
        var before = await NextStateAsync(reader, timeout.Token);
        using var kiosk = Client(a.Address);
        using (var taken = await kiosk.PostAsJsonAsync($"/api/halls/{Hall}/tickets", new { category = "C" }, timeout.Token))
            Assert.True(taken.StatusCode == HttpStatusCode.Created, $"{taken.StatusCode}: {await taken.Content.ReadAsStringAsync(timeout.Token)}");
        var after = await NextStateAsync(reader, timeout.Token); // without the notice: a minute's poll, past the time-out
        Assert.NotEqual(before, after);
    }

    private static async Task<string> NextStateAsync(StreamReader reader, CancellationToken ct)
    {
        while (await reader.ReadLineAsync(ct) is { } line)
            if (line.StartsWith("data: ", StringComparison.Ordinal)) return line[6..];
        throw new InvalidOperationException("the stream ended");
    }

    private static HttpClient Client(Uri address) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() }) { BaseAddress = address };

    private static async Task<int> HitsAsync(HttpClient client, string term)
    {
        using var body = JsonDocument.Parse(await client.GetStringAsync($"/api/catalog/search?q={Uri.EscapeDataString(term)}"));
        return body.RootElement.GetProperty("total").GetInt32();
    }

    private static async Task DevelopmentSignInAsync(HttpClient client, string name, string role)
    {
        using var response = await client.PostFormAsync("/sign-in", "/sign-in", ("Name", name), ("Roles", role));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    /// <summary>nginx in the foreground with a configuration of its own in a temporary directory, stopped with the test.</summary>
    private sealed class Nginx : IAsyncDisposable
    {
        /// <summary>The response header naming the instance that answered (nginx's <c>$upstream_addr</c>).</summary>
        public const string InstanceHeader = "X-Tongban-Instance";

        private readonly Process _process;
        private readonly string _directory;

        private Nginx(Process process, string directory, int port) => (_process, _directory, Address) = (process, directory, new Uri($"http://127.0.0.1:{port}"));

        public Uri Address { get; }

        public static async Task<Nginx> StartAsync(string nginx, params int[] instances)
        {
            var directory = Directory.CreateTempSubdirectory("tongban-nginx-").FullName;
            var port = HostProcess.FreePort();
            await File.WriteAllTextAsync(Path.Combine(directory, "nginx.conf"), $$"""
                daemon off;
                worker_processes 1;
                pid {{directory}}/nginx.pid;
                error_log {{directory}}/error.log warn;
                events { worker_connections 256; }
                http {
                    access_log off;
                    client_body_temp_path {{directory}}/body;
                    proxy_temp_path {{directory}}/proxy;
                    fastcgi_temp_path {{directory}}/fastcgi;
                    uwsgi_temp_path {{directory}}/uwsgi;
                    scgi_temp_path {{directory}}/scgi;
                    upstream tongban { {{string.Concat(instances.Select(p => $"server 127.0.0.1:{p}; "))}}}
                    server {
                        listen 127.0.0.1:{{port}};
                        location / {
                            proxy_pass http://tongban;
                            proxy_set_header Host $http_host;
                            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                            proxy_set_header X-Forwarded-Proto $scheme;
                            proxy_max_temp_file_size 0;
                            add_header {{InstanceHeader}} $upstream_addr always;
                        }
                    }
                }
                """);
            var start = new ProcessStartInfo(nginx) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (var arg in new[] { "-p", directory, "-c", Path.Combine(directory, "nginx.conf") }) start.ArgumentList.Add(arg);
            var proxy = new Nginx(Process.Start(start)!, directory, port);
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            for (var deadline = DateTime.UtcNow.AddSeconds(20); DateTime.UtcNow < deadline; await Task.Delay(100))
            {
                if (proxy._process.HasExited) break;
                try
                {
                    using var ready = await http.GetAsync(new Uri(proxy.Address, "/health/ready"));
                    if (ready.StatusCode == HttpStatusCode.OK) return proxy;
                }
                catch (HttpRequestException)
                {
                    // not listening yet
                }
            }
            var log = File.Exists(Path.Combine(directory, "error.log")) ? await File.ReadAllTextAsync(Path.Combine(directory, "error.log")) : "";
            await proxy.DisposeAsync();
            throw new InvalidOperationException($"nginx did not start: {log}");
        }

        public async ValueTask DisposeAsync()
        {
            try
            {
                if (!_process.HasExited) _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
            catch (InvalidOperationException)
            {
                // already gone
            }
            _process.Dispose();
            Directory.Delete(_directory, recursive: true);
        }
    }
}
