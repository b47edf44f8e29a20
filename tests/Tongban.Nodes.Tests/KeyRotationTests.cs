using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Kernel.Keys;
using Tongban.Nodes.Contracts;
using Tongban.Nodes.Node;

namespace Tongban.Nodes.Tests;

/// <summary>One provider node per lane, holding configurations signed by a stand-in centre, for the key rotation tests.</summary>
public sealed class ProviderNode : IAsyncDisposable
{
    public const string Member = "12211200031892486P";
    public const string Sender = "11211200MB1234567X/land-1";
    private readonly Dictionary<DatabaseLane, Task<TongbanApp>> _nodes = [];
    private readonly Lock _gate = new();
    internal readonly NodeTestKeys Keys = new();

    public Task<TongbanApp> For(DatabaseLane lane)
    {
        Lanes.Require(lane);
        lock (_gate)
        {
            if (!_nodes.TryGetValue(lane, out var node)) _nodes[lane] = node = StartAsync(lane);
            return node;
        }
    }

    private async Task<TongbanApp> StartAsync(DatabaseLane lane)
    {
        var node = new TongbanApp(await TestDatabase.CreateAsync(lane), new Dictionary<string, string?>
        {
            [NodeRole.Key] = "node", ["Region:SeedDemoWhenEmpty"] = "false", ["Nodes:Member"] = Member, ["Nodes:Code"] = "fund-1",
            ["Nodes:AnchorFile"] = Keys.PublicKeyFile(Keys.Key("centre")),
        });
        _ = node.Server;
        return node;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var pending in _nodes.Values)
        {
            var node = await pending;
            await node.DisposeAsync();
            await node.Database.DisposeAsync();
        }
        Keys.Dispose();
    }
}

/// <summary>
/// Key rotation: a sender's messages signed with its old key are refused once the configuration carries its new key,
/// and a node rotating its own key keeps the old public key to verify what it signed before.
/// </summary>
public sealed class KeyRotationTests(ProviderNode fixture) : IClassFixture<ProviderNode>
{
    private static long _version = DateTimeOffset.UtcNow.ToUnixTimeSeconds();

    /// <summary>A newer configuration naming the sender with <paramref name="senderKey"/>; the service is there, the right is not.</summary>
    private async Task HoldAsync(TongbanApp node, SigningKey senderKey)
    {
        var now = DateTimeOffset.UtcNow;
        var configuration = new NodeConfiguration(NodeConfiguration.FormatName, Interlocked.Increment(ref _version), now, now.AddHours(24),
            [new NodeEntry(ProviderNode.Sender, "11211200MB1234567X", "land-1", "http://localhost", senderKey.Public.Pem, new string('b', 64))],
            [new ServiceEntry(ProviderNode.Member, "fund-account", "1", "住房公积金账户状态", ProviderNode.Member + "-00001", ["balance"])], []);
        await node.Services.GetRequiredService<ConfigurationStore>().AcceptAsync(SignedDocument.Sign(configuration, fixture.Keys.Key("centre")).ToJsonString(), CancellationToken.None);
    }

    private static JsonObject Envelope(SigningKey key)
    {
        var body = JsonSerializer.Serialize(new ServiceRequest("211221196805129013", ["balance"]), SignedDocument.Json);
        var header = new MessageHeader(MessageHeader.FormatName, Guid.CreateVersion7(), DateTimeOffset.UtcNow, ProviderNode.Sender, $"{ProviderNode.Member}/fund-1",
            "fund-account", "1", "公积金贷款审核", "loan-clerk-07", new string('0', 64), SubjectDigests.OfBody(body));
        return new JsonObject { ["message"] = SignedDocument.Sign(header, key), ["body"] = body };
    }

    private static async Task<string?> RefusalAsync(TongbanApp node, JsonObject envelope)
    {
        using var response = await node.CreateClient().PostAsJsonAsync("/node/messages", envelope);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString();
    }

    [Theory]
    [DatabaseLanes]
    public async Task Once_the_configuration_carries_a_senders_new_key_its_messages_signed_with_the_old_key_are_refused(DatabaseLane lane)
    {
        var node = await fixture.For(lane);
        var (old, renewed) = (fixture.Keys.Key($"sender-old-{lane}"), fixture.Keys.Key($"sender-new-{lane}"));
        await HoldAsync(node, old);
        var signedBefore = Envelope(old);
        Assert.Equal("node.no_right", await RefusalAsync(node, Envelope(old))); // past the signature: only the (absent) right stops it

        await HoldAsync(node, renewed);

        Assert.Equal("node.signature_invalid", await RefusalAsync(node, Envelope(old)));
        Assert.Equal("node.signature_invalid", await RefusalAsync(node, signedBefore)); // signed before the change, sent after it
        Assert.Equal("node.no_right", await RefusalAsync(node, Envelope(renewed)));
    }

    [Theory]
    [DatabaseLanes]
    public async Task A_node_rotating_its_key_signs_with_a_new_one_and_still_trusts_the_old_public_key(DatabaseLane lane)
    {
        var node = await fixture.For(lane);
        var keys = node.Services.GetRequiredService<NodeKeys>();
        var before = keys.Current();
        var header = Envelope(before)["message"]!;

        var after = ((INodeKeys)keys).Rotate();

        Assert.NotEqual(before.Public.KeyId, after.KeyId);
        Assert.Equal(after.KeyId, keys.Current().Public.KeyId);
        Assert.Equal(after.KeyId, node.Services.GetRequiredService<INodeKeys>().PublicKey().KeyId);
        Assert.Contains(keys.Trusted(), k => k.KeyId == before.Public.KeyId);
        Assert.NotNull(SignedDocument.Verify<MessageHeader>(header, keys.Trusted())); // what it signed before still verifies
        Assert.Null(SignedDocument.Verify<MessageHeader>(header, [after]));
    }
}
