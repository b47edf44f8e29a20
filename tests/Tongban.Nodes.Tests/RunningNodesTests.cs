using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Tongban.Nodes.Tests;

/// <summary>
/// Issue #18's drill on the exchange as it runs (<see cref="RunningNodes"/>: the centre, two nodes and the housing fund's
/// own system, each a process). One test, its steps in order, because each step changes what the next one sees (the
/// centre stopped and started, the grant revoked); the processes are started once. SQLite only: the same calls run on
/// both lanes in process (<see cref="CallTests"/>); this test proves the parts work together as separate programs.
/// </summary>
public sealed class RunningNodesTests(RunningNodes exchange) : IClassFixture<RunningNodes>
{
    private const string Person = "211221196805129013"; // 张建国, living, of working age: an open account in the demo system
    private const string Other = "21122119700823902X";

    private async Task<(HttpStatusCode Status, JsonElement Body)> CallAsync()
    {
        using var system = NodeClientCredentials.For(exchange.ConsumerNode.Address, RunningNodes.ClientId, RunningNodes.ClientSecret);
        system.DefaultRequestHeaders.Add("X-On-Behalf-Of", "land-clerk-03");
        using var response = await system.PostAsJsonAsync($"/node/services/{RunningNodes.Provider}/fund-account",
            new { key = Person, items = new[] { "accountStatus", "balance" }, purpose = RunningNodes.Purpose });
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    private static string? Code(JsonElement problem) => problem.TryGetProperty("code", out var code) ? code.GetString() : null;

    /// <summary>A node's message log as its database holds it: (direction, outcome) of each entry, in order.</summary>
    private static async Task<List<(string Direction, string Outcome)>> LogAsync(TestDatabase node) =>
        [.. (await RawSql.RowsAsync(node, "SELECT direction, outcome FROM nd_message_log ORDER BY sequence")).Select(r => (r[0]!, r[1]!))];

    [Fact]
    public async Task Calls_through_running_nodes_go_on_without_the_centre_and_refuse_replayed_tampered_slow_and_revoked_ones()
    {
        await A_good_call_returns_the_department_systems_granted_items_logged_at_both_nodes();
        await The_same_message_sent_again_is_refused_as_a_replay();
        await A_message_changed_on_the_wire_is_refused_and_logged_at_the_provider();
        await A_slow_department_system_is_a_timeout_for_the_consumer_logged_on_both_sides();
        await With_the_centre_down_calls_go_on_on_the_last_good_configuration();
        await A_revoked_grant_is_refused_at_once_by_the_provider_node_and_after_its_refresh_by_the_consumer_node();
    }

    private async Task A_good_call_returns_the_department_systems_granted_items_logged_at_both_nodes()
    {
        var (status, body) = await CallAsync();

        Assert.True(status == HttpStatusCode.OK, body.GetRawText());
        var items = body.GetProperty("items");
        Assert.Equal(("正常", true), (items.GetProperty("accountStatus").GetString(), items.GetProperty("balance").GetDecimal() > 0));
        Assert.Equal([("sent", "ok"), ("response-received", "ok")], await LogAsync(exchange.ConsumerData));
        Assert.Equal([("received", "ok"), ("response-sent", "ok")], await LogAsync(exchange.ProviderData));
    }

    private async Task The_same_message_sent_again_is_refused_as_a_replay()
    {
        using var attacker = new HttpClient { BaseAddress = exchange.ProviderNode.Address };
        using var replay = await attacker.PostAsync("/node/messages", new StringContent(exchange.Wire.LastMessage!, Encoding.UTF8, "application/json"));

        Assert.Equal((HttpStatusCode.Conflict, "node.replayed"), (replay.StatusCode, Code(await replay.Content.ReadFromJsonAsync<JsonElement>())));
        Assert.Equal(("received", "node.replayed"), (await LogAsync(exchange.ProviderData))[^1]);
    }

    private async Task A_message_changed_on_the_wire_is_refused_and_logged_at_the_provider()
    {
        exchange.Wire.SubstituteSubject = Other;
        var (status, body) = await CallAsync();
        exchange.Wire.SubstituteSubject = null;

        Assert.Equal((HttpStatusCode.Forbidden, "node.body_digest_mismatch"), (status, Code(body)));
        Assert.Equal(("received", "node.body_digest_mismatch"), (await LogAsync(exchange.ProviderData))[^1]);
        Assert.Equal(("response-received", "node.body_digest_mismatch"), (await LogAsync(exchange.ConsumerData))[^1]);
    }

    private async Task A_slow_department_system_is_a_timeout_for_the_consumer_logged_on_both_sides()
    {
        using var drill = new HttpClient { BaseAddress = exchange.Department.Address };
        (await drill.PostAsync("/drill/delay?ms=5000", null)).EnsureSuccessStatusCode();
        var (status, body) = await CallAsync();
        (await drill.PostAsync("/drill/delay?ms=0", null)).EnsureSuccessStatusCode();

        Assert.Equal((HttpStatusCode.GatewayTimeout, "node.provider_timeout"), (status, Code(body)));
        Assert.Contains(("received", "node.provider_timeout"), await LogAsync(exchange.ProviderData));
        Assert.Equal(("response-received", "node.provider_timeout"), (await LogAsync(exchange.ConsumerData))[^1]);
    }

    private async Task With_the_centre_down_calls_go_on_on_the_last_good_configuration()
    {
        await exchange.Centre.DisposeAsync();
        var (status, body) = await CallAsync();
        await exchange.StartCentreAsync();

        Assert.True(status == HttpStatusCode.OK, body.GetRawText());
        Assert.Equal("正常", body.GetProperty("items").GetProperty("accountStatus").GetString());
    }

    private async Task A_revoked_grant_is_refused_at_once_by_the_provider_node_and_after_its_refresh_by_the_consumer_node()
    {
        var before = await RunningNodes.ConfigurationVersionAsync(exchange.ProviderNode, above: 0);
        using var provider = await exchange.SignInAsync("公积金中心数据员");
        var revoked = await provider.PostAsJsonAsync($"/api/sharing/grants/{exchange.GrantId}/revoke", new { reason = "贷款审核合作终止" });
        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        await RunningNodes.ConfigurationVersionAsync(exchange.ProviderNode, above: before); // the centre's notice, not its hourly refresh

        var (atProvider, atProviderBody) = await CallAsync(); // the consumer node still holds the right and sends the message

        Assert.Equal((HttpStatusCode.Forbidden, "node.no_right"), (atProvider, Code(atProviderBody)));
        Assert.Equal(("received", "node.no_right"), (await LogAsync(exchange.ProviderData))[^1]);
        Assert.Equal(("response-received", "node.no_right"), (await LogAsync(exchange.ConsumerData))[^1]);

        using var consumerNode = new HttpClient { BaseAddress = exchange.ConsumerNode.Address };
        (await consumerNode.PostAsync("/node/configuration/refresh", null)).EnsureSuccessStatusCode(); // its next refresh, now
        var providerLog = (await LogAsync(exchange.ProviderData)).Count;
        var (atConsumer, atConsumerBody) = await CallAsync();

        Assert.Equal((HttpStatusCode.Forbidden, "node.no_right"), (atConsumer, Code(atConsumerBody)));
        Assert.Equal(providerLog, (await LogAsync(exchange.ProviderData)).Count); // refused before anything was sent
    }
}
