using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Kernel.Errors;
using Tongban.Kernel.Keys;
using Tongban.Nodes.Contracts;
using Tongban.Nodes.Node;

namespace Tongban.Nodes.Tests;

/// <summary>A node takes only a configuration that verifies under its anchor and is newer than the one it holds, and stops at expiry.</summary>
public sealed class NodeConfigurationTests : IAsyncDisposable
{
    private const string Member = "12211200031892486P";
    private readonly NodeTestKeys _keys = new();
    private TestDatabase? _database;
    private TongbanApp _node = null!;
    private SigningKey _centre = null!;

    /// <summary>A node of its own for each test (its held configuration is one row), on the test's lane.</summary>
    private async Task StartAsync(DatabaseLane lane)
    {
        _centre = _keys.Key("centre");
        _database = await TestDatabase.CreateAsync(lane);
        _node = new TongbanApp(_database, new Dictionary<string, string?>
        {
            [NodeRole.Key] = "node", ["Region:SeedDemoWhenEmpty"] = "false",
            ["Nodes:Member"] = Member, ["Nodes:Code"] = "fund-1", ["Nodes:AnchorFile"] = _keys.PublicKeyFile(_centre),
        });
        _ = _node.Server;
    }

    private ConfigurationStore Store => _node.Services.GetRequiredService<ConfigurationStore>();

    private static NodeConfiguration Configuration(long version, DateTimeOffset issuedAt, TimeSpan? lifetime = null) =>
        new(NodeConfiguration.FormatName, version, issuedAt, issuedAt + (lifetime ?? TimeSpan.FromHours(24)), [],
            [new ServiceEntry(Member, "fund-account", "1", "住房公积金账户状态", Member + "-00001", ["accountStatus", "balance"])],
            [new AccessRight("11211200MB0000000X", Member + "-00001", ["accountStatus"], "公积金贷款审核", DateOnly.FromDateTime(issuedAt.UtcDateTime).AddDays(30))]);

    private static string Signed(NodeConfiguration configuration, SigningKey key) => SignedDocument.Sign(configuration, key).ToJsonString();

    [Theory]
    [DatabaseLanes]
    public async Task A_configuration_signed_by_the_anchor_is_taken_and_acted_on(DatabaseLane lane)
    {
        await StartAsync(lane);
        await Store.AcceptAsync(Signed(Configuration(3, DateTimeOffset.UtcNow), _centre), CancellationToken.None);

        var current = await Store.CurrentAsync(CancellationToken.None);
        Assert.Equal(3, current.Version);
        var status = await _node.CreateClient().GetFromJsonAsync<JsonElement>("/node/status");
        Assert.Equal(($"{Member}/fund-1", 3, SignatureSchemes.Sm2), (status.GetProperty("node").GetString(), status.GetProperty("configurationVersion").GetInt64(),
            status.GetProperty("algorithm").GetString()));
    }

    [Theory]
    [DatabaseLanes]
    public async Task The_nodes_health_is_down_without_a_configuration_ok_with_one_and_degraded_late_in_its_life(DatabaseLane lane)
    {
        await StartAsync(lane);
        var http = _node.CreateClient();
        async Task<(System.Net.HttpStatusCode, JsonElement)> HealthAsync()
        {
            using var response = await http.GetAsync("/node/health");
            return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
        }
        static string[] Codes(JsonElement report) => [.. report.GetProperty("problems").EnumerateArray().Select(p => p.GetProperty("code").GetString()!)];

        var (status, report) = await HealthAsync();
        Assert.Equal((System.Net.HttpStatusCode.ServiceUnavailable, "down"), (status, report.GetProperty("status").GetString()));
        Assert.Equal(["configuration.missing"], Codes(report));
        Assert.Contains("前置机尚未取得中心的配置", report.GetProperty("problems")[0].GetProperty("chinese").GetString(), StringComparison.Ordinal);

        await Store.AcceptAsync(Signed(Configuration(1, DateTimeOffset.UtcNow), _centre), CancellationToken.None);
        (status, report) = await HealthAsync();
        Assert.Equal((System.Net.HttpStatusCode.OK, "ok", 1L, 0), (status, report.GetProperty("status").GetString(), report.GetProperty("configurationVersion").GetInt64(), report.GetProperty("pendingPushes").GetInt32()));
        Assert.Empty(Codes(report));

        // Issued 20 hours ago for 24: the centre has not been reached for a while, and the node still serves.
        await Store.AcceptAsync(Signed(Configuration(2, DateTimeOffset.UtcNow.AddHours(-20)), _centre), CancellationToken.None);
        (status, report) = await HealthAsync();
        Assert.Equal((System.Net.HttpStatusCode.OK, "degraded"), (status, report.GetProperty("status").GetString()));
        Assert.Equal(["configuration.ageing"], Codes(report));
        Assert.DoesNotContain("UTC", report.GetProperty("problems")[0].GetProperty("english").GetString(), StringComparison.Ordinal); // region time for people
    }

    [Theory]
    [DatabaseLanes]
    public async Task A_tampered_or_foreign_signed_configuration_is_kept_out_and_the_last_good_one_stays(DatabaseLane lane)
    {
        await StartAsync(lane);
        await Store.AcceptAsync(Signed(Configuration(5, DateTimeOffset.UtcNow), _centre), CancellationToken.None);
        var tampered = SignedDocument.Sign(Configuration(6, DateTimeOffset.UtcNow), _centre);
        tampered["document"]!["rights"]![0]!["items"] = new JsonArray("accountStatus", "balance", "idNumber");
        var foreign = Signed(Configuration(7, DateTimeOffset.UtcNow), _keys.Key("forger"));

        foreach (var bad in new[] { tampered.ToJsonString(), foreign, "{}", "not json", Signed(Configuration(8, DateTimeOffset.UtcNow), _keys.Key("p256", SignatureSchemes.P256)) })
        {
            var refusal = await Assert.ThrowsAsync<DomainException>(() => Store.AcceptAsync(bad, CancellationToken.None));
            Assert.Equal("node.configuration_signature_invalid", refusal.Errors[0].Code);
        }
        Assert.Equal(["accountStatus"], (await Store.CurrentAsync(CancellationToken.None)).Rights[0].Items);
        Assert.Equal(5, (await Store.CurrentAsync(CancellationToken.None)).Version);
    }

    [Theory]
    [DatabaseLanes]
    public async Task An_older_version_is_refused_and_the_same_version_issued_later_extends_the_expiry(DatabaseLane lane)
    {
        await StartAsync(lane);
        var at = DateTimeOffset.UtcNow;
        await Store.AcceptAsync(Signed(Configuration(9, at), _centre), CancellationToken.None);

        var older = await Assert.ThrowsAsync<DomainException>(() => Store.AcceptAsync(Signed(Configuration(8, at.AddMinutes(1)), _centre), CancellationToken.None));
        var replayed = await Assert.ThrowsAsync<DomainException>(() => Store.AcceptAsync(Signed(Configuration(9, at), _centre), CancellationToken.None));
        await Store.AcceptAsync(Signed(Configuration(9, at.AddMinutes(1)), _centre), CancellationToken.None);

        Assert.Equal(["node.configuration_older", "node.configuration_older"], new[] { older.Errors[0].Code, replayed.Errors[0].Code });
        Assert.Equal(at.AddMinutes(1).AddHours(24), (await Store.CurrentAsync(CancellationToken.None)).ExpiresAt);
    }

    [Theory]
    [DatabaseLanes]
    public async Task Past_its_expiry_the_node_stops_acting_on_the_held_configuration(DatabaseLane lane)
    {
        await StartAsync(lane);
        await Store.AcceptAsync(Signed(Configuration(10, DateTimeOffset.UtcNow.AddHours(-25)), _centre), CancellationToken.None);

        var refusal = await Assert.ThrowsAsync<DomainException>(() => Store.CurrentAsync(CancellationToken.None));
        Assert.Equal("node.configuration_expired", refusal.Errors[0].Code);
    }

    public async ValueTask DisposeAsync()
    {
        if (_database is not null)
        {
            await _node.DisposeAsync();
            await _database.DisposeAsync();
        }
        _keys.Dispose();
    }
}
