using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Nodes.Contracts;
using Tongban.Nodes.Data;
using Tongban.Nodes.Node;

namespace Tongban.Nodes.Tests;

/// <summary>
/// Two nodes per lane for store-and-forward: the housing fund's provider node pushes to the natural resources bureau's
/// node (a subscriber: it holds a live right to the provider's service) through a <see cref="Link"/> the test can take
/// down, or make lose the recipient's answer. Delivery runs when the test says (<c>Nodes:PushInterval</c> zero), with a
/// short back-off.
/// </summary>
public sealed class PushNodes : IAsyncDisposable
{
    public const string Secret = "a-push-test-secret";
    private readonly Dictionary<DatabaseLane, Task<Pair>> _pairs = [];
    private readonly Lock _gate = new();
    internal readonly NodeTestKeys Keys = new();

    public sealed record Pair(TongbanApp Provider, TongbanApp Consumer, Link Link);

    /// <summary>The provider node's way to the consumer node: up, down (nothing reaches it), or losing the answer (it arrives, the sender hears nothing).</summary>
    public sealed class Link(Func<HttpMessageHandler> recipient) : DelegatingHandler
    {
        public bool Down { get; set; }
        public bool LoseAnswer { get; set; }
        public string? LastBody { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (Down) throw new HttpRequestException("connection refused (test)");
            InnerHandler ??= recipient();
            LastBody = await request.Content!.ReadAsStringAsync(cancellationToken);
            var response = await base.SendAsync(request, cancellationToken);
            if (!LoseAnswer) return response;
            response.Dispose();
            throw new HttpRequestException("connection reset (test)");
        }
    }

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
        var centre = Keys.Key("push-centre-" + lane);
        var anchor = Keys.PublicKeyFile(centre);
        TongbanApp? consumer = null;
        var link = new Link(() => consumer!.Server.CreateHandler());
        var provider = new TongbanApp(await TestDatabase.CreateAsync(lane), Settings(TwoNodes.Provider, "fund-1", anchor),
            s => s.AddHttpClient(CallService.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => link));
        consumer = new TongbanApp(await TestDatabase.CreateAsync(lane), Settings(TwoNodes.Consumer, "land-1", anchor));
        var now = DateTimeOffset.UtcNow;
        var configuration = SignedDocument.Sign(new NodeConfiguration(NodeConfiguration.FormatName, 1, now, now.AddHours(24),
            [new NodeEntry($"{TwoNodes.Provider}/fund-1", TwoNodes.Provider, "fund-1", "http://127.0.0.1:5101", KeyOf(provider), new string('a', 64)),
             new NodeEntry($"{TwoNodes.Consumer}/land-1", TwoNodes.Consumer, "land-1", "http://127.0.0.1:5102", KeyOf(consumer), new string('b', 64))],
            [new ServiceEntry(TwoNodes.Provider, "fund-account", "1", "住房公积金账户状态", TwoNodes.Resource, ["accountStatus", "balance"])],
            [new AccessRight(TwoNodes.Consumer, TwoNodes.Resource, ["accountStatus"], TwoNodes.Purpose, DateOnly.FromDateTime(now.UtcDateTime).AddDays(30))]), centre).ToJsonString();
        await provider.Services.GetRequiredService<ConfigurationStore>().AcceptAsync(configuration, CancellationToken.None);
        await consumer.Services.GetRequiredService<ConfigurationStore>().AcceptAsync(configuration, CancellationToken.None);
        return new Pair(provider, consumer, link);
    }

    private static string KeyOf(TongbanApp node) => node.Services.GetRequiredService<INodeKeys>().PublicKey().Pem;

    private static Dictionary<string, string?> Settings(string member, string code, string anchor) => new()
    {
        [NodeRole.Key] = "node", ["Region:SeedDemoWhenEmpty"] = "false", ["Nodes:Member"] = member, ["Nodes:Code"] = code, ["Nodes:AnchorFile"] = anchor,
        ["Nodes:AllowPlainHttpOnLoopback"] = "true", ["Nodes:PushInterval"] = "00:00:00", ["Nodes:PushRetryFirst"] = "00:00:00.200", ["Nodes:PushRetryMax"] = "00:00:01",
        ["Nodes:Clients:0:Id"] = "status-system", ["Nodes:Clients:0:SecretSha256"] = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Secret))),
    };

    public async ValueTask DisposeAsync()
    {
        foreach (var pending in _pairs.Values)
        {
            var pair = await pending;
            foreach (var node in new[] { pair.Provider, pair.Consumer })
            {
                await node.DisposeAsync();
                await node.Database.DisposeAsync();
            }
        }
        Keys.Dispose();
    }
}

/// <summary>Store-and-forward: a provider's push queued, retried with back-off while the recipient is down, delivered once by message id, visible while pending.</summary>
public sealed class PushTests(PushNodes nodes) : IClassFixture<PushNodes>
{
    private static HttpClient System(TongbanApp node) => NodeClientCredentials.For(node, "status-system", PushNodes.Secret);

    private static async Task<Guid> PushAsync(TongbanApp provider, string status)
    {
        using var response = await System(provider).PostAsJsonAsync($"/node/push/{TwoNodes.Consumer}/fund-account",
            new { key = "211221196805129013", data = new { accountStatus = status } });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("pending", body.GetProperty("state").GetString());
        return body.GetProperty("messageId").GetGuid();
    }

    private static Task<int> DeliverAsync(TongbanApp provider) => provider.Services.GetRequiredService<PushQueue>().DeliverDueAsync(CancellationToken.None);

    private static async Task<JsonElement?> PendingAsync(TongbanApp provider, Guid id) =>
        (await System(provider).GetFromJsonAsync<JsonElement>("/node/push/pending")).EnumerateArray().Cast<JsonElement?>().SingleOrDefault(p => p!.Value.GetProperty("messageId").GetGuid() == id);

    private static async Task<List<(string Direction, string Outcome)>> LogOfAsync(TongbanApp node, Guid id)
    {
        await using var scope = node.Services.CreateAsyncScope();
        return [.. (await scope.ServiceProvider.GetRequiredService<NodesDbContext>().MessageLog.AsNoTracking().Where(e => e.MessageId == id).OrderBy(e => e.Sequence)
            .ToListAsync()).Select(e => (e.Direction, e.Outcome))];
    }

    private static async Task<List<JsonElement>> InboxAsync(TongbanApp consumer, Guid id) =>
        [.. (await System(consumer).GetFromJsonAsync<JsonElement>("/node/inbox")).EnumerateArray().Where(m => m.GetProperty("messageId").GetGuid() == id)];

    [Theory]
    [DatabaseLanes]
    public async Task A_push_waits_with_growing_back_off_while_the_recipient_is_down_and_is_delivered_once_when_it_is_up(DatabaseLane lane)
    {
        var pair = await nodes.For(lane);
        var (providerBefore, consumerBefore) = (await CallTests.CountsAsync(pair.Provider), await CallTests.CountsAsync(pair.Consumer));
        pair.Link.Down = true;
        var id = await PushAsync(pair.Provider, "已封存");
        var queued = await PendingAsync(pair.Provider, id);
        Assert.Equal((0, "pending"), (queued!.Value.GetProperty("attempts").GetInt32(), queued.Value.GetProperty("state").GetString()));
        Assert.Equal($"{TwoNodes.Consumer}/land-1", queued.Value.GetProperty("recipient").GetString());

        Assert.True(await DeliverAsync(pair.Provider) >= 1);
        var first = (await PendingAsync(pair.Provider, id))!.Value;
        Assert.Equal(1, first.GetProperty("attempts").GetInt32());
        Assert.Equal("node.recipient_unreachable", first.GetProperty("lastError").GetString());
        Assert.StartsWith("暂时无法", first.GetProperty("lastErrorChinese").GetString(), StringComparison.Ordinal);
        await DeliverAsync(pair.Provider);
        Assert.Equal(1, (await PendingAsync(pair.Provider, id))!.Value.GetProperty("attempts").GetInt32()); // not due yet: it waits
        await Task.Delay(300);
        await DeliverAsync(pair.Provider);
        var second = (await PendingAsync(pair.Provider, id))!.Value;
        Assert.Equal(2, second.GetProperty("attempts").GetInt32());
        Assert.True(second.GetProperty("nextAttemptAt").GetDateTimeOffset() - first.GetProperty("nextAttemptAt").GetDateTimeOffset() >= TimeSpan.FromMilliseconds(400)); // doubled
        Assert.Empty(await InboxAsync(pair.Consumer, id));

        pair.Link.Down = false;
        await Task.Delay(500);
        await DeliverAsync(pair.Provider);

        Assert.Null(await PendingAsync(pair.Provider, id));
        var done = await System(pair.Provider).GetFromJsonAsync<JsonElement>($"/node/push/{id}");
        Assert.Equal(("delivered", 3), (done.GetProperty("state").GetString(), done.GetProperty("attempts").GetInt32()));
        // Every attempt counted at the sender with its outcome, the delivery at the recipient (no payload, no subject).
        const string Service = TwoNodes.Provider + "/fund-account";
        var (provider, consumer) = (await CallTests.CountsAsync(pair.Provider), await CallTests.CountsAsync(pair.Consumer));
        Assert.True(CallTests.Delta(providerBefore, provider, ServiceCount.PushOut, Service, "node.recipient_unreachable") >= 2);
        var delivered = CallTests.Delta(providerBefore, provider, ServiceCount.PushOut, Service, "ok");
        Assert.True(delivered >= 1);
        Assert.Equal(delivered, CallTests.Delta(consumerBefore, consumer, ServiceCount.PushIn, Service, "ok"));
        var received = Assert.Single(await InboxAsync(pair.Consumer, id));
        Assert.Equal("已封存", received.GetProperty("data").GetProperty("accountStatus").GetString());
        Assert.Equal("fund-account", received.GetProperty("service").GetString());
        Assert.Equal([("push-sent", "ok"), ("push-receipt", "ok")], await LogOfAsync(pair.Provider, id));
        Assert.Equal([("push-received", "ok"), ("push-receipt-sent", "ok")], await LogOfAsync(pair.Consumer, id));
        await using (var scope = pair.Provider.Services.CreateAsyncScope())
            Assert.Equal("", (await scope.ServiceProvider.GetRequiredService<NodesDbContext>().OutgoingPushes.SingleAsync(p => p.MessageId == id)).Body); // delivered: the sender keeps no payload

        Assert.Equal(HttpStatusCode.NoContent, (await System(pair.Consumer).PostAsync($"/node/inbox/{id}/acknowledge", null)).StatusCode);
        Assert.Empty(await InboxAsync(pair.Consumer, id));
        Assert.Equal(HttpStatusCode.NotFound, (await System(pair.Consumer).PostAsync($"/node/inbox/{id}/acknowledge", null)).StatusCode);
    }

    [Theory]
    [DatabaseLanes]
    public async Task A_push_whose_receipt_was_lost_is_sent_again_and_kept_once_with_the_same_receipt(DatabaseLane lane)
    {
        var pair = await nodes.For(lane);
        pair.Link.LoseAnswer = true;
        var id = await PushAsync(pair.Provider, "正常");
        try
        {
            await DeliverAsync(pair.Provider); // it arrives; the sender hears nothing
        }
        finally
        {
            pair.Link.LoseAnswer = false;
        }
        Assert.Equal("node.recipient_unreachable", (await PendingAsync(pair.Provider, id))!.Value.GetProperty("lastError").GetString());
        Assert.Single(await InboxAsync(pair.Consumer, id));
        // The node's health says a push waits after a failure: degraded, still serving.
        using (var health = await pair.Provider.CreateClient().GetAsync("/node/health"))
        {
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
            var report = await health.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("degraded", report.GetProperty("status").GetString());
            Assert.Contains(report.GetProperty("problems").EnumerateArray(), p => p.GetProperty("code").GetString() == "pushes.failing");
            Assert.True(report.GetProperty("failingPushes").GetInt32() >= 1);
            Assert.Contains(report.GetProperty("today").EnumerateArray(), c => c.GetProperty("side").GetString() == ServiceCount.PushOut);
        }
        var firstEnvelope = pair.Link.LastBody!;

        await Task.Delay(300);
        await DeliverAsync(pair.Provider); // signed again, the same id

        Assert.Null(await PendingAsync(pair.Provider, id));
        Assert.Single(await InboxAsync(pair.Consumer, id));
        Assert.Equal([("push-received", "ok"), ("push-receipt-sent", "ok"), ("push-received", "duplicate")], await LogOfAsync(pair.Consumer, id));
        Assert.Equal([("push-sent", "ok"), ("push-receipt", "ok")], await LogOfAsync(pair.Provider, id));
        string kept;
        await using (var scope = pair.Provider.Services.CreateAsyncScope())
            kept = (await scope.ServiceProvider.GetRequiredService<NodesDbContext>().OutgoingPushes.SingleAsync(p => p.MessageId == id)).Receipt!;

        // The first envelope sent again by anyone: the same receipt, nothing new kept.
        using var again = await pair.Consumer.CreateClient().PostAsync("/node/pushes", new StringContent(firstEnvelope, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var answer = await again.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal(JsonNode.Parse(kept)!["signature"]!["value"]!.GetValue<string>(), answer!["message"]!["signature"]!["value"]!.GetValue<string>());
        Assert.Single(await InboxAsync(pair.Consumer, id));

        // Another body under the same id is not the same message.
        var forged = JsonNode.Parse(firstEnvelope)!.AsObject();
        var header = forged["message"]!["document"]!.Deserialize<MessageHeader>(SignedDocument.Json)!;
        var body = "{\"key\":null,\"data\":{\"accountStatus\":\"销户\"}}";
        var resigned = new JsonObject
        {
            ["message"] = SignedDocument.Sign(header with { SentAt = DateTimeOffset.UtcNow, BodyDigest = SubjectDigests.OfBody(body) }, pair.Provider.Services.GetRequiredService<NodeKeys>().Current()),
            ["body"] = body,
        };
        using var replayed = await pair.Consumer.CreateClient().PostAsJsonAsync("/node/pushes", resigned);
        Assert.Equal(HttpStatusCode.Conflict, replayed.StatusCode);
        Assert.Equal("node.replayed", (await replayed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
    }

    [Theory]
    [DatabaseLanes]
    public async Task A_push_needs_an_authenticated_system_a_known_service_and_a_subscriber_with_a_live_right(DatabaseLane lane)
    {
        var pair = await nodes.For(lane);
        var data = new { data = new { accountStatus = "正常" } };
        async Task<(HttpStatusCode, string?)> Refused(HttpClient client, string path, object body)
        {
            using var response = await client.PostAsJsonAsync(path, body);
            return (response.StatusCode, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        }

        Assert.Equal((HttpStatusCode.Unauthorized, "node.client_unauthenticated"), await Refused(pair.Provider.CreateClient(), $"/node/push/{TwoNodes.Consumer}/fund-account", data));
        Assert.Equal((HttpStatusCode.Forbidden, "node.no_right"), await Refused(System(pair.Provider), "/node/push/11211200MB0000000X/fund-account", data));
        Assert.Equal((HttpStatusCode.NotFound, "node.unknown_service"), await Refused(System(pair.Provider), $"/node/push/{TwoNodes.Consumer}/no-such-service", data));
        Assert.Equal((HttpStatusCode.BadRequest, "node.message_malformed"), await Refused(System(pair.Provider), $"/node/push/{TwoNodes.Consumer}/fund-account", new { key = "x" }));
        Assert.Equal((HttpStatusCode.BadRequest, "node.key_invalid"), await Refused(System(pair.Provider), $"/node/push/{TwoNodes.Consumer}/fund-account",
            new { key = "no spaces", data = new { } }));
        // The consumer has no right to push to the provider: a push goes from a service's provider to its subscriber.
        Assert.Equal((HttpStatusCode.NotFound, "node.unknown_service"), await Refused(System(pair.Consumer), $"/node/push/{TwoNodes.Provider}/fund-account", data));
        Assert.Equal(HttpStatusCode.Unauthorized, (await pair.Provider.CreateClient().GetAsync("/node/push/pending")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await pair.Consumer.CreateClient().GetAsync("/node/inbox")).StatusCode);
    }
}
