using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Kernel.Audit;
using Tongban.Nodes.Contracts;
using Tongban.Nodes.Data;
using Tongban.Nodes.Node;

namespace Tongban.Nodes.Tests;

/// <summary>A call from a department system through its node to the provider's node and department system, and what is refused on the way.</summary>
public sealed class CallTests(TwoNodes nodes) : IClassFixture<TwoNodes>
{
    private const string Person = "211221196805129013";

    private static HttpClient System(TongbanApp consumer)
    {
        var client = NodeClientCredentials.For(consumer, TwoNodes.ClientId, TwoNodes.ClientSecret);
        client.DefaultRequestHeaders.Add("X-On-Behalf-Of", "loan-clerk-07");
        return client;
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> CallAsync(HttpClient client, string key, string[] items, string purpose = TwoNodes.Purpose)
    {
        using var response = await client.PostAsJsonAsync($"/node/services/{TwoNodes.Provider}/fund-account", new { key, items, purpose });
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    private static async Task<List<MessageLogEntry>> LogOfAsync(TongbanApp node, Guid? messageId = null)
    {
        await using var scope = node.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NodesDbContext>();
        return await db.MessageLog.AsNoTracking().Where(e => messageId == null || e.MessageId == messageId).OrderBy(e => e.Sequence).ToListAsync();
    }

    private static async Task<AuditVerification> VerifyChainAsync(TongbanApp node)
    {
        await using var scope = node.Services.CreateAsyncScope();
        var chain = scope.ServiceProvider.GetServices<IHashChain>().Single(c => c.Name == "nodes.message-log");
        return await chain.VerifyAsync(ChainPoint.Genesis, null, [], CancellationToken.None);
    }

    /// <summary>A request signed by the consumer node as it would send it: header, signature and the body's exact text.</summary>
    private static JsonObject Envelope(TongbanApp consumer, string body, Guid? id = null, DateTimeOffset? at = null)
    {
        var header = new MessageHeader(MessageHeader.FormatName, id ?? Guid.CreateVersion7(), at ?? DateTimeOffset.UtcNow, $"{TwoNodes.Consumer}/land-1",
            $"{TwoNodes.Provider}/fund-1", "fund-account", "1", TwoNodes.Purpose, "loan-clerk-07", new string('0', 64), SubjectDigests.OfBody(body));
        var message = SignedDocument.Sign(header, consumer.Services.GetRequiredService<NodeKeys>().Current());
        return new JsonObject { ["message"] = message, ["body"] = body };
    }

    private static string Body(string key) => JsonSerializer.Serialize(new ServiceRequest(key, ["balance"]), SignedDocument.Json);

    [Theory]
    [DatabaseLanes]
    public async Task A_call_returns_only_the_granted_mapped_items_and_both_nodes_log_it_without_the_id_number(DatabaseLane lane)
    {
        var pair = await nodes.For(lane);
        var (status, body) = await CallAsync(System(pair.ConsumerNode), Person, ["accountStatus", "balance"]);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(["accountStatus", "balance"], body.GetProperty("items").EnumerateObject().Select(p => p.Name));
        Assert.Equal(12345.67m, body.GetProperty("items").GetProperty("balance").GetDecimal());
        var id = body.GetProperty("messageId").GetGuid();
        var sent = await LogOfAsync(pair.ConsumerNode, id);
        var received = await LogOfAsync(pair.ProviderNode, id);
        Assert.Equal([("sent", "ok"), ("response-received", "ok")], sent.Select(e => (e.Direction, e.Outcome)));
        Assert.Equal([("received", "ok"), ("response-sent", "ok")], received.Select(e => (e.Direction, e.Outcome)));
        Assert.All(sent.Concat(received), e => Assert.DoesNotContain(Person, e.Header, StringComparison.Ordinal));
        Assert.Contains("loan-clerk-07", sent[0].Header, StringComparison.Ordinal);
        Assert.True((await VerifyChainAsync(pair.ConsumerNode)).IsIntact);
        Assert.True((await VerifyChainAsync(pair.ProviderNode)).IsIntact);
    }

    [Theory]
    [DatabaseLanes]
    public async Task Items_or_a_purpose_outside_the_right_and_an_unknown_client_are_refused_at_the_consumer_node(DatabaseLane lane)
    {
        var pair = await nodes.For(lane);
        var system = System(pair.ConsumerNode);

        var (beyond, beyondBody) = await CallAsync(system, Person, ["employerName"]);
        var (purpose, _) = await CallAsync(system, Person, ["balance"], "其他用途");
        using var stranger = pair.ConsumerNode.CreateClient();
        var unknown = await stranger.PostAsJsonAsync($"/node/services/{TwoNodes.Provider}/fund-account", new { key = Person, items = new[] { "balance" }, purpose = TwoNodes.Purpose });

        Assert.Equal((HttpStatusCode.Forbidden, "node.no_right"), (beyond, beyondBody.GetProperty("code").GetString()));
        Assert.Equal(HttpStatusCode.Forbidden, purpose);
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
    }

    [Theory]
    [DatabaseLanes]
    public async Task A_system_calls_with_an_access_token_from_its_own_node_and_nothing_else_gets_through(DatabaseLane lane)
    {
        var pair = await nodes.For(lane);
        using var consumer = pair.ConsumerNode.CreateClient();

        var (granted, token) = await NodeClientCredentials.AskAsync(consumer, TwoNodes.ClientId, TwoNodes.ClientSecret);
        var (wrong, wrongBody) = await NodeClientCredentials.AskAsync(consumer, TwoNodes.ClientId, "not-the-secret");
        var (stranger, _) = await NodeClientCredentials.AskAsync(consumer, "no-such-system", TwoNodes.ClientSecret);
        var (password, passwordBody) = await NodeClientCredentials.AskAsync(consumer, TwoNodes.ClientId, TwoNodes.ClientSecret, grant: "password");
        Assert.Equal(HttpStatusCode.OK, granted);
        Assert.Equal("Bearer", token.GetProperty("token_type").GetString());
        Assert.Equal(("invalid_client", "客户端标识或密钥不正确。The client id or secret is wrong."),
            (wrongBody.GetProperty("error").GetString(), wrongBody.GetProperty("error_description").GetString()));
        Assert.NotEqual(HttpStatusCode.OK, wrong);
        Assert.NotEqual(HttpStatusCode.OK, stranger);
        Assert.Equal("unsupported_grant_type", passwordBody.GetProperty("error").GetString());

        async Task<HttpStatusCode> CallWith(HttpClient node, AuthenticationHeaderValue authorization)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/node/services/{TwoNodes.Provider}/fund-account")
            {
                Content = JsonContent.Create(new { key = Person, items = new[] { "balance" }, purpose = TwoNodes.Purpose }),
            };
            request.Headers.Authorization = authorization;
            request.Headers.Add("X-On-Behalf-Of", "loan-clerk-07");
            using var response = await node.SendAsync(request);
            return response.StatusCode;
        }
        var bearer = new AuthenticationHeaderValue("Bearer", token.GetProperty("access_token").GetString());
        Assert.Equal(HttpStatusCode.OK, await CallWith(consumer, bearer));
        // The secret itself is not a way in, nor a made-up token, nor a token another node issued.
        Assert.Equal(HttpStatusCode.Unauthorized, await CallWith(consumer,
            new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{TwoNodes.ClientId}:{TwoNodes.ClientSecret}")))));
        Assert.Equal(HttpStatusCode.Unauthorized, await CallWith(consumer, new AuthenticationHeaderValue("Bearer", "not-a-token")));
        using var provider = pair.ProviderNode.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, await CallWith(provider, bearer));
    }

    [Theory]
    [DatabaseLanes]
    public async Task A_tampered_body_and_a_replayed_message_are_refused_with_their_reasons_and_logged_at_the_provider(DatabaseLane lane)
    {
        var pair = await nodes.For(lane);
        var provider = pair.ProviderNode.CreateClient();
        var tampered = Envelope(pair.ConsumerNode, Body(Person));
        tampered["body"] = Body("211221199602179030");
        var good = Envelope(pair.ConsumerNode, Body(Person));

        var refused = await provider.PostAsJsonAsync("/node/messages", tampered);
        var first = await provider.PostAsJsonAsync("/node/messages", good);
        var replay = await provider.PostAsJsonAsync("/node/messages", good);
        var stale = await provider.PostAsJsonAsync("/node/messages", Envelope(pair.ConsumerNode, Body(Person), at: DateTimeOffset.UtcNow.AddMinutes(-10)));

        Assert.Equal((HttpStatusCode.Forbidden, "node.body_digest_mismatch"), (refused.StatusCode, (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal((HttpStatusCode.Conflict, "node.replayed"), (replay.StatusCode, (await replay.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()));
        Assert.Equal("node.expired", (await stale.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        var log = await LogOfAsync(pair.ProviderNode);
        Assert.Contains(log, e => e.Outcome == "node.body_digest_mismatch" && e.Direction == "received");
        Assert.Contains(log, e => e.Outcome == "node.replayed" && e.MessageId == good["message"]!["document"]!["messageId"]!.GetValue<Guid>());
    }

    [Theory]
    [DatabaseLanes]
    public async Task A_slow_failing_or_oversized_department_system_gives_the_consumer_a_clear_reason_never_its_page(DatabaseLane lane)
    {
        var pair = await nodes.For(lane);
        var system = System(pair.ConsumerNode);

        var (slow, slowBody) = await CallAsync(system, "SLOW0001", ["balance"]);
        var (failing, failingBody) = await CallAsync(system, "FAIL0001", ["balance"]);
        var (large, largeBody) = await CallAsync(system, "HUGE0001", ["balance"]);
        var (missing, missingBody) = await CallAsync(system, "NONE0001", ["balance"]);

        Assert.Equal((HttpStatusCode.GatewayTimeout, "node.provider_timeout"), (slow, slowBody.GetProperty("code").GetString()));
        Assert.Equal((HttpStatusCode.BadGateway, "node.provider_bad_answer"), (failing, failingBody.GetProperty("code").GetString()));
        Assert.DoesNotContain("Stack trace", failingBody.GetRawText(), StringComparison.Ordinal);
        Assert.Equal("node.provider_bad_answer", largeBody.GetProperty("code").GetString());
        Assert.Equal((HttpStatusCode.NotFound, "node.subject_not_found"), (missing, missingBody.GetProperty("code").GetString()));
        Assert.Contains(await LogOfAsync(pair.ConsumerNode), e => e.Direction == "response-received" && e.Outcome == "node.provider_timeout");
        Assert.Contains(await LogOfAsync(pair.ProviderNode), e => e.Direction == "received" && e.Outcome == "node.provider_timeout");
        Assert.False(large == HttpStatusCode.OK);
    }

    [Theory]
    [DatabaseLanes]
    public async Task Hostile_input_to_either_end_of_a_node_is_refused_never_a_server_error(DatabaseLane lane)
    {
        var pair = await nodes.For(lane);
        var system = System(pair.ConsumerNode);
        var provider = pair.ProviderNode.CreateClient();
        foreach (var input in Fuzz.Strings(Person, mutations: 15))
        {
            using var call = await system.PostAsJsonAsync($"/node/services/{TwoNodes.Provider}/fund-account", new { key = input, items = new[] { "balance" }, purpose = TwoNodes.Purpose });
            await Fuzz.AssertHandledAsync(call, input);
            using var raw = await provider.PostAsync("/node/messages", new StringContent(input, Encoding.UTF8, "application/json"));
            await Fuzz.AssertHandledAsync(raw, input, HttpStatusCode.BadRequest, HttpStatusCode.Forbidden);
        }
    }

    internal static async Task<Dictionary<(string Side, string Service, string Outcome), long>> CountsAsync(TongbanApp node) =>
        (await node.Services.GetRequiredService<OperationCounter>().ReportCountsAsync(CancellationToken.None))
        .Where(c => c.Day == node.Services.GetRequiredService<Tongban.Kernel.Time.RegionClock>().Today).ToDictionary(c => (c.Side, c.Service, c.Outcome), c => c.Calls);

    internal static long Delta(Dictionary<(string, string, string), long> before, Dictionary<(string, string, string), long> after, string side, string service, string outcome) =>
        after.GetValueOrDefault((side, service, outcome)) - before.GetValueOrDefault((side, service, outcome));

    [Theory]
    [DatabaseLanes]
    public async Task Calls_and_refusals_are_counted_per_service_and_outcome_on_both_nodes_without_the_subject(DatabaseLane lane)
    {
        var pair = await nodes.For(lane);
        var (consumerBefore, providerBefore) = (await CountsAsync(pair.ConsumerNode), await CountsAsync(pair.ProviderNode));
        var system = System(pair.ConsumerNode);
        const string service = TwoNodes.Provider + "/fund-account";

        Assert.Equal(HttpStatusCode.OK, (await CallAsync(system, Person, ["balance"])).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await CallAsync(system, Person, ["employerName"])).Status);
        using var unknown = await system.PostAsJsonAsync($"/node/services/{TwoNodes.Provider}/no-such-service", new { key = Person, items = new[] { "balance" }, purpose = TwoNodes.Purpose });
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);

        var (consumer, provider) = (await CountsAsync(pair.ConsumerNode), await CountsAsync(pair.ProviderNode));
        Assert.Equal(1, Delta(consumerBefore, consumer, ServiceCount.Consumer, service, "ok"));
        Assert.Equal(1, Delta(consumerBefore, consumer, ServiceCount.Consumer, service, "node.no_right"));
        Assert.Equal(1, Delta(consumerBefore, consumer, ServiceCount.Consumer, "unknown", "node.unknown_service"));
        Assert.Equal(1, Delta(providerBefore, provider, ServiceCount.Provider, service, "ok"));
        Assert.All(consumer.Keys.Concat(provider.Keys), k => Assert.DoesNotContain(Person, k.ToString(), StringComparison.Ordinal));
    }
}
