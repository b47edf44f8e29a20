using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Tongban.Kernel.Security;

namespace Tongban.Nodes.Tests;

/// <summary>
/// The exchange as it runs, every part its own process on loopback: the centre (the platform host with the demo region),
/// the natural resources bureau's consumer node, the housing fund's provider node (the same host, <c>Tongban:Role=node</c>)
/// and the housing fund's own system (<c>samples/Tongban.DemoDepartments --system housing-fund</c>). Set up as an
/// operator does: <c>tongban node keys</c> on each node, <c>tongban node add</c> and <c>tongban node service add</c> on
/// the centre, a sharing grant requested and approved through the sharing API. The provider node is listed at the
/// <see cref="Wire"/>'s address, so the test can tamper with and replay what crosses the network.
/// </summary>
public sealed class RunningNodes : IAsyncLifetime
{
    public const string Provider = "12211200031892486P"; // 铁岭市住房公积金管理中心
    public const string Consumer = "11211200023387148M"; // 铁岭市自然资源局
    public const string Resource = Provider + "-00001";
    public const string Purpose = "公积金贷款审核";
    public const string ClientId = "land-registration-system";
    public const string ClientSecret = "a-long-secret-of-the-land-system";

    private readonly List<TestDatabase> _databases = [];
    private readonly List<HostProcess> _started = [];
    private readonly string _web = HostProcess.Built("src/Tongban.Web", "Tongban.Web.dll");
    private readonly string _cli = HostProcess.Built("src/Tongban.Cli", "tongban.dll");
    private TestDatabase _centreData = null!;
    private int _centrePort;

    public HostProcess Centre { get; private set; } = null!;
    public HostProcess ConsumerNode { get; private set; } = null!;
    public HostProcess ProviderNode { get; private set; } = null!;
    public HostProcess Department { get; private set; } = null!;
    public TestDatabase ConsumerData { get; private set; } = null!;
    public TestDatabase ProviderData { get; private set; } = null!;
    public Wire Wire { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        try
        {
            await StartAsync();
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    private async Task StartAsync()
    {
        _centreData = await DatabaseAsync(demoRegion: true);
        (ConsumerData, ProviderData) = (await DatabaseAsync(), await DatabaseAsync());
        _centrePort = HostProcess.FreePort();
        var (consumerPort, providerPort, wirePort, departmentPort) = (HostProcess.FreePort(), HostProcess.FreePort(), HostProcess.FreePort(), HostProcess.FreePort());
        var department = Track(HostProcess.StartAsync("housing fund system", HostProcess.Built("samples/Tongban.DemoDepartments", "Tongban.DemoDepartments.dll"), departmentPort,
            new Dictionary<string, string?>(), "/health", args: ["--system", "housing-fund"]));
        var centre = StartCentreAsync();
        var keys = Task.WhenAll(NodeKeyAsync(ConsumerData, Consumer, "land-1"), NodeKeyAsync(ProviderData, Provider, "fund-1"));
        await Task.WhenAll(department, centre, keys); // all finished (and tracked) before a failure is thrown
        (Department, Centre) = (await department, await centre);
        var (consumerKey, providerKey) = ((await keys)[0], (await keys)[1]);
        Wire = await Wire.StartAsync(wirePort, new Uri($"http://127.0.0.1:{providerPort}"));

        var anchor = Path.Combine(_centreData.DataDirectory, "anchor.pem");
        await CentreCommandAsync("node", "add", "--member", Provider, "--code", "fund-1", "--address", $"http://127.0.0.1:{wirePort}",
            "--public-key", providerKey, "--tls-fingerprint", Fingerprint("fund-1"));
        await CentreCommandAsync("node", "add", "--member", Consumer, "--code", "land-1", "--address", $"http://127.0.0.1:{consumerPort}",
            "--public-key", consumerKey, "--tls-fingerprint", Fingerprint("land-1"), "--anchor-out", anchor);
        await CentreCommandAsync("node", "service", "add", "--provider", Provider, "--code", "fund-account", "--title", "住房公积金账户状态",
            "--resource", Resource, "--items", "accountStatus,balance,employerName");
        GrantId = await GrantAsync();

        var consumerNode = Track(HostProcess.StartAsync("consumer node", _web, consumerPort, NodeSettings(ConsumerData, Consumer, "land-1", anchor, new()
        {
            ["Nodes:Clients:0:Id"] = ClientId,
            ["Nodes:Clients:0:SecretSha256"] = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ClientSecret))),
        }), "/node/status"));
        var providerNode = Track(HostProcess.StartAsync("provider node", _web, providerPort, NodeSettings(ProviderData, Provider, "fund-1", anchor, new()
        {
            ["Nodes:Adapters:fund-account:BaseAddress"] = Department.Address.ToString(),
            ["Nodes:Adapters:fund-account:Path"] = "/housing-fund/accounts",
            ["Nodes:Adapters:fund-account:Timeout"] = "00:00:02",
            ["Nodes:Adapters:fund-account:Items:accountStatus"] = "accountStatus",
            ["Nodes:Adapters:fund-account:Items:balance"] = "balance",
        }), "/node/status"));
        await Task.WhenAll(consumerNode, providerNode);
        (ConsumerNode, ProviderNode) = (await consumerNode, await providerNode);
        await Task.WhenAll(ConfigurationVersionAsync(ConsumerNode, above: 0), ConfigurationVersionAsync(ProviderNode, above: 0));
    }

    public Guid GrantId { get; private set; }

    // The centre starts on a copy of the prepared demo region (seeding it again took half a minute); a node's own is empty.
    private async Task<TestDatabase> DatabaseAsync(bool demoRegion = false)
    {
        var database = demoRegion ? await TestDatabase.CreateWithDemoRegionAsync(DatabaseLane.Sqlite) : await TestDatabase.CreateAsync(DatabaseLane.Sqlite);
        _databases.Add(database);
        return database;
    }

    /// <summary>The platform host as a city runs it for a trial: the demo region, the development sign-in, plain HTTP on loopback.</summary>
    private IReadOnlyDictionary<string, string?> CentreSettings => new Dictionary<string, string?>(_centreData.Settings)
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Development", ["Licenses:DemoHistoryRecords"] = "0", ["RateLimits:Enabled"] = "false",
    };

    /// <summary>Starts the centre (again, after it was stopped: same data, same address).</summary>
    public async Task<HostProcess> StartCentreAsync() =>
        Centre = await Track(HostProcess.StartAsync("centre", _web, _centrePort, CentreSettings, "/health/ready", TimeSpan.FromSeconds(150)));

    // Every process started is stopped at the end, also one started beside another that failed.
    private async Task<HostProcess> Track(Task<HostProcess> starting)
    {
        var process = await starting;
        lock (_started) _started.Add(process);
        return process;
    }

    private async Task CentreCommandAsync(params string[] args)
    {
        var (exit, output) = await HostProcess.RunAsync(_cli, new Dictionary<string, string?>(_centreData.Settings) { ["Region:SeedDemoWhenEmpty"] = "false" }, args);
        Assert.True(exit == 0, $"tongban {string.Join(' ', args)} failed ({exit}):\n{output}");
    }

    /// <summary><c>tongban node keys --out FILE</c> on the node's own data: its key is made there, its public half handed to the centre.</summary>
    private async Task<string> NodeKeyAsync(TestDatabase data, string member, string code)
    {
        var file = Path.Combine(data.DataDirectory, "node-public.pem");
        var (exit, output) = await HostProcess.RunAsync(_cli, NodeSettings(data, member, code, "", []), "node", "keys", "--out", file);
        Assert.True(exit == 0, $"tongban node keys failed ({exit}):\n{output}");
        return file;
    }

    private IReadOnlyDictionary<string, string?> NodeSettings(TestDatabase data, string member, string code, string anchor, Dictionary<string, string?> more)
    {
        var settings = new Dictionary<string, string?>(data.Settings)
        {
            // A trial installation, as the centre: development settings (plain HTTP on loopback, a personal-data key made on first start).
            ["ASPNETCORE_ENVIRONMENT"] = "Development", ["Tongban:Role"] = "node", ["Region:SeedDemoWhenEmpty"] = "false",
            ["Nodes:Member"] = member, ["Nodes:Code"] = code, ["Nodes:AnchorFile"] = anchor,
            ["Nodes:DirectoryAddress"] = $"http://127.0.0.1:{_centrePort}", ["Nodes:RefreshInterval"] = "01:00:00", // fetched at start; later only on notice or when the test asks
        };
        foreach (var (key, value) in more) settings[key] = value;
        return settings;
    }

    // Plain HTTP on loopback carries no certificate; the directory still wants the fingerprint peers would pin.
    private static string Fingerprint(string code) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(code)));

    /// <summary>The grant as data administrators make it: the consumer requests the housing fund's resource, the provider approves.</summary>
    private async Task<Guid> GrantAsync()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        using var requester = await SignInAsync("自然资源局数据员");
        var response = await requester.PostAsJsonAsync("/api/sharing/requests", new
        {
            consumerCreditCode = Consumer, resourceCode = Resource, purpose = Purpose, fields = new[] { "accountStatus", "balance" }, validFrom = today, validUntil = today.AddDays(30),
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var request = await response.Content.ReadFromJsonAsync<JsonElement>();
        using var approver = await SignInAsync("公积金中心数据员");
        if (request.GetProperty("status").GetString() == "Pending")
            Assert.Equal(HttpStatusCode.OK, (await approver.PostAsync($"/api/sharing/requests/{request.GetProperty("id").GetGuid()}/approve", null)).StatusCode);
        var grants = await approver.GetFromJsonAsync<JsonElement>("/api/sharing/grants?state=Active");
        return grants.EnumerateArray().Select(g => g.GetProperty("grant"))
            .Single(g => g.GetProperty("consumerCreditCode").GetString() == Consumer && g.GetProperty("resourceCode").GetString() == Resource).GetProperty("id").GetGuid();
    }

    /// <summary>The centre's development sign-in, as a data administrator: a browser-like client with cookies.</summary>
    public async Task<HttpClient> SignInAsync(string name)
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() }) { BaseAddress = Centre.Address };
        client.DefaultRequestHeaders.Add("Sec-Fetch-Site", "same-origin");
        var form = new Dictionary<string, string> { ["Name"] = name, ["Roles"] = Policies.DataAdministrator, ["__RequestVerificationToken"] = await TongbanApp.AntiforgeryTokenAsync(client, "/sign-in") };
        using var response = await client.PostAsync("/sign-in", new FormUrlEncodedContent(form));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"The development sign-in failed: {(int)response.StatusCode}");
        return client;
    }

    /// <summary>Waits until the node acts on a configuration version above <paramref name="above"/>, and returns it.</summary>
    public static async Task<long> ConfigurationVersionAsync(HostProcess node, long above)
    {
        using var http = new HttpClient { BaseAddress = node.Address };
        for (var deadline = DateTime.UtcNow.AddSeconds(60); DateTime.UtcNow < deadline; await Task.Delay(250))
        {
            var status = await http.GetFromJsonAsync<JsonElement>("/node/status");
            if (status.GetProperty("configurationVersion") is { ValueKind: JsonValueKind.Number } version && version.GetInt64() > above) return version.GetInt64();
        }
        throw new TimeoutException($"{node.Name} took no configuration above version {above} within a minute:\n{node.Output}");
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var process in _started) await process.DisposeAsync();
        if (Wire is not null) await Wire.DisposeAsync();
        foreach (var database in _databases) await database.DisposeAsync();
    }
}
