using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Kernel.Outbox;
using Tongban.Kernel.Security;

namespace Tongban.Testing;

/// <summary>
/// The real web host over a <see cref="TestDatabase"/>: migrations, the demo region, every module. The
/// outbox worker is off so tests drain the outbox when they choose (<see cref="DrainOutboxAsync"/>), and so is the checkpoint
/// worker (tests sign with <c>CheckpointSigner</c>).
/// </summary>
public sealed partial class TongbanApp(TestDatabase database, IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    : WebApplicationFactory<Program>
{
    public TestDatabase Database => database;

    // A test host never edits its settings files: not watching them saves an inotify instance per host.
    static TongbanApp() => Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in database.Settings) builder.UseSetting(key, value);
        builder.UseSetting("Authentication:DevelopmentSignIn", "true");
        // The tests run on the demo region, so this host asks for it, as development does (production does not).
        builder.UseSetting("Region:SeedDemoWhenEmpty", "true");
        builder.UseSetting("Licenses:DemoHistoryRecords", "0"); // the import's own tests load history; the rest start faster
        // Plain HTTP and open operations endpoints, as in development; the production settings have their own tests.
        builder.UseSetting("Https:Require", "false");
        builder.UseSetting("Operations:Restricted", "false");
        // Tests share one address and sign in often; the rate-limit tests turn the limits on with sizes of their own.
        builder.UseSetting("RateLimits:Enabled", "false");
        builder.UseSetting("Halls:TicketsOutsideSessions", "true"); // tests take tickets at any hour; the kiosk's own session tests set it back
        builder.UseSetting("Outbox:Enabled", "false");
        builder.UseSetting("Statistics:PublishOnDay", "0"); // the public figures' own tests publish when they say
        builder.UseSetting("Audit:Checkpoints:PollInterval", "00:00:00");
        for (var i = 0; i < TestClients.All.Count; i++)
        {
            var (id, secret, department) = TestClients.All[i];
            builder.UseSetting($"Authentication:DevelopmentClients:{i}:ClientId", id);
            builder.UseSetting($"Authentication:DevelopmentClients:{i}:Secret", secret);
            builder.UseSetting($"Authentication:DevelopmentClients:{i}:Department", department);
        }
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) builder.UseSetting(key, value);
        if (services is not null) builder.ConfigureTestServices(services);
    }

    /// <summary>
    /// Clients speak as this site's own pages do: a browser marks a request from a page of the same site
    /// <c>Sec-Fetch-Site: same-origin</c>, which cookie-authenticated API writes need (the cross-site tests remove it).
    /// </summary>
    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        client.DefaultRequestHeaders.Add("Sec-Fetch-Site", "same-origin");
    }

    /// <summary>
    /// Delivers every due outbox message now. One drain at a time per app: tests share an app, and a drain skips the
    /// messages another drain has claimed, so without this a test could return before its own message was delivered.
    /// </summary>
    public async Task<int> DrainOutboxAsync()
    {
        await _drain.WaitAsync();
        try
        {
            return await Services.GetRequiredService<OutboxDispatcher>().DispatchDueAsync(CancellationToken.None);
        }
        finally
        {
            _drain.Release();
        }
    }

    private readonly SemaphoreSlim _drain = new(1, 1);

    /// <summary>A client with a cookie jar, signed in through the development sign-in page with the given roles.</summary>
    public Task<HttpClient> SignInAsync(string name, params string[] roles) => SignInAsync(name, scope: null, roles);

    /// <summary>The development sign-in with a staff scope: department, station and divisions (<see cref="StaffScope"/>).</summary>
    public async Task<HttpClient> SignInAsync(string name, StaffScope? scope, params string[] roles)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var form = new List<KeyValuePair<string, string>> { new("Name", name), new("__RequestVerificationToken", await AntiforgeryTokenAsync(client, "/sign-in")) };
        form.AddRange(roles.Select(r => new KeyValuePair<string, string>("Roles", r)));
        if (scope is not null)
        {
            form.Add(new("Department", scope.DepartmentCode ?? ""));
            form.Add(new("Station", scope.StationKey ?? ""));
            form.Add(new("Divisions", string.Join(',', scope.Divisions)));
        }
        using var response = await client.PostAsync("/sign-in", new FormUrlEncodedContent(form));
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Sign-in failed with {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return client;
    }

    /// <summary>A client carrying a bearer token fetched for a department system from the development token endpoint.</summary>
    public async Task<HttpClient> ClientCredentialsAsync(int client)
    {
        var (id, secret, _) = TestClients.All[client];
        var http = CreateClient();
        using var response = await http.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = id, ["client_secret"] = secret,
        }));
        response.EnsureSuccessStatusCode();
        using var token = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        http.DefaultRequestHeaders.Authorization = new("Bearer", token.RootElement.GetProperty("access_token").GetString());
        return http;
    }

    /// <summary>
    /// Reads the antiforgery token a page puts into its forms, after checking that every form of the page that posts
    /// carries one: a browser sends only its own form's fields, so a form without a token is refused (400) there while a
    /// test taking the token of another form on the page would pass. A form with an <c>action</c> attribute gets no
    /// token from the form tag helper unless it says <c>asp-antiforgery="true"</c>.
    /// </summary>
    public static async Task<string> AntiforgeryTokenAsync(HttpClient client, string path)
    {
        var html = await client.GetStringAsync(path);
        foreach (Match form in PostFormPattern().Matches(html))
            if (!form.Groups["body"].Value.Contains("name=\"__RequestVerificationToken\"", StringComparison.Ordinal))
                throw new InvalidOperationException($"A form on {path} posts without an antiforgery token, so a browser's post is refused: {form.Groups["tag"].Value}");
        var match = TokenPattern().Match(html);
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : throw new InvalidOperationException($"No antiforgery token on {path}");
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("(?<tag><form\\b[^>]*\\bmethod=\"?post\"?[^>]*>)(?<body>.*?)</form>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex PostFormPattern();
}
