using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Kernel.Keys;
using Tongban.Nodes.Contracts;
using Tongban.Nodes.Node;

namespace Tongban.Nodes.Tests;

/// <summary>
/// Two nodes in one test process, per lane: a consumer (the natural resources bureau's) and the housing fund's
/// provider, talking over their test servers, both holding one configuration signed by a stand-in centre, and a
/// stand-in department system behind the provider (<see cref="Department"/>).
/// </summary>
public sealed class TwoNodes : IAsyncDisposable
{
    public const string Provider = "12211200031892486P";
    public const string Consumer = "11211200MB1234567X";
    public const string Resource = Provider + "-00001";
    public const string Purpose = "公积金贷款审核";
    /// <summary>The consumer's second grant of the resource: the purpose the demo region's department facts are read for (department_facts.csv).</summary>
    public const string FactPurpose = "政务服务事项办理材料核验";
    public const string ClientId = "loan-system";
    public const string ClientSecret = "a-long-test-secret";

    private readonly Dictionary<DatabaseLane, Task<Pair>> _pairs = [];
    private readonly Lock _gate = new();
    internal readonly NodeTestKeys Keys = new();

    public sealed record Pair(TongbanApp ConsumerNode, TongbanApp ProviderNode, TestDatabase ConsumerDatabase, TestDatabase ProviderDatabase);

    public Task<Pair> For(DatabaseLane lane)
    {
        Lanes.Require(lane);
        lock (_gate)
        {
            if (!_pairs.TryGetValue(lane, out var pair)) _pairs[lane] = pair = StartAsync(lane);
            return pair;
        }
    }

    private async Task<Pair> StartAsync(DatabaseLane lane)
    {
        var centre = Keys.Key("centre-" + lane);
        var anchor = Keys.PublicKeyFile(centre);
        var providerDatabase = await TestDatabase.CreateAsync(lane);
        var provider = new TongbanApp(providerDatabase, Settings(Provider, "fund-1", anchor, new()
        {
            ["Nodes:Adapters:fund-account:BaseAddress"] = "http://department.test",
            ["Nodes:Adapters:fund-account:Path"] = "/housing-fund/accounts",
            ["Nodes:Adapters:fund-account:Timeout"] = "00:00:01",
            ["Nodes:Adapters:fund-account:MaxBytes"] = "2000",
            ["Nodes:Adapters:fund-account:Items:accountStatus"] = "accountStatus",
            ["Nodes:Adapters:fund-account:Items:balance"] = "account.balance",
            ["Nodes:Adapters:fund-account:Items:employerName"] = "employerName",
            ["Nodes:Adapters:fund-account:Items:baseAmount"] = "baseAmount",
            ["Nodes:Adapters:fund-account:Items:lastPaidMonth"] = "lastPaidMonth",
        }), s => s.AddHttpClient(Adapter.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => new Department()));
        var consumerDatabase = await TestDatabase.CreateAsync(lane);
        var consumer = new TongbanApp(consumerDatabase, Settings(Consumer, "land-1", anchor, new()
        {
            ["Nodes:Clients:0:Id"] = ClientId,
            ["Nodes:Clients:0:SecretSha256"] = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ClientSecret))),
        }), s => s.AddHttpClient(CallService.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => provider.Server.CreateHandler()));
        var configuration = SignedDocument.Sign(Configuration(NodeKey(provider), NodeKey(consumer)), centre).ToJsonString();
        await provider.Services.GetRequiredService<ConfigurationStore>().AcceptAsync(configuration, CancellationToken.None);
        await consumer.Services.GetRequiredService<ConfigurationStore>().AcceptAsync(configuration, CancellationToken.None);
        return new Pair(consumer, provider, consumerDatabase, providerDatabase);
    }

    private static string NodeKey(TongbanApp node) => node.Services.GetRequiredService<INodeKeys>().PublicKey().Pem;

    private static Dictionary<string, string?> Settings(string member, string code, string anchor, Dictionary<string, string?> more)
    {
        var settings = new Dictionary<string, string?>
        {
            [NodeRole.Key] = "node", ["Region:SeedDemoWhenEmpty"] = "false", ["Nodes:Member"] = member, ["Nodes:Code"] = code, ["Nodes:AnchorFile"] = anchor,
            ["Nodes:AllowPlainHttpOnLoopback"] = "true", // the nodes talk over test servers at http://localhost
        };
        foreach (var (key, value) in more) settings[key] = value;
        return settings;
    }

    private static NodeConfiguration Configuration(string providerKey, string consumerKey)
    {
        var now = DateTimeOffset.UtcNow;
        return new(NodeConfiguration.FormatName, 1, now, now.AddHours(24),
            [new NodeEntry($"{Provider}/fund-1", Provider, "fund-1", "http://localhost", providerKey, new string('a', 64)),
             new NodeEntry($"{Consumer}/land-1", Consumer, "land-1", "http://localhost", consumerKey, new string('b', 64))],
            [new ServiceEntry(Provider, "fund-account", "1", "住房公积金账户状态", Resource, ["accountStatus", "balance", "employerName", "baseAmount", "lastPaidMonth"])],
            [new AccessRight(Consumer, Resource, ["accountStatus", "balance"], Purpose, DateOnly.FromDateTime(now.UtcDateTime).AddDays(30)),
             new AccessRight(Consumer, Resource, ["accountStatus", "employerName", "baseAmount", "lastPaidMonth"], FactPurpose, DateOnly.FromDateTime(now.UtcDateTime).AddDays(30))]);
    }

    /// <summary>
    /// The housing fund's own system as the adapter sees it: an account for any key, no record for NONE…, an answer too
    /// slow for the adapter's one-second limit for a key starting SLOW, an error page for FAIL, a too-large answer for HUGE.
    /// </summary>
    private sealed class Department : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var key = JsonNode.Parse(await request.Content!.ReadAsStringAsync(cancellationToken))!["key"]!.GetValue<string>();
            if (key.StartsWith("SLOW", StringComparison.Ordinal)) await Task.Delay(TimeSpan.FromSeconds(5), cancellationToken);
            if (key.StartsWith("NONE", StringComparison.Ordinal)) return new HttpResponseMessage(HttpStatusCode.NotFound);
            if (key.StartsWith("FAIL", StringComparison.Ordinal)) return new HttpResponseMessage(HttpStatusCode.InternalServerError) { Content = new StringContent("<html>Stack trace: secret</html>") };
            var body = key.StartsWith("HUGE", StringComparison.Ordinal) ? $"{{\"accountStatus\":\"{new string('x', 5000)}\"}}"
                : "{\"accountStatus\":\"正常\",\"account\":{\"balance\":12345.67},\"employerName\":\"铁岭市第二中学\",\"baseAmount\":6800,\"lastPaidMonth\":\"2026-11\",\"idNumber\":\"" + key + "\"}";
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var pending in _pairs.Values)
        {
            var pair = await pending;
            await pair.ConsumerNode.DisposeAsync();
            await pair.ProviderNode.DisposeAsync();
            await pair.ConsumerDatabase.DisposeAsync();
            await pair.ProviderDatabase.DisposeAsync();
        }
        Keys.Dispose();
    }
}
