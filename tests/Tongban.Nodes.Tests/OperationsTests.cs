using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Kernel.Errors;
using Tongban.Kernel.Keys;
using Tongban.Kernel.Security;
using Tongban.Kernel.Time;
using Tongban.Nodes.Contracts;

namespace Tongban.Nodes.Tests;

/// <summary>
/// The centre's side of operations: a node's signed report with its configuration fetch (last seen, versions, counts),
/// the operator's page and API, and a node's key replaced in the directory.
/// </summary>
public sealed partial class OperationsTests(LaneApps apps) : IDisposable
{
    private const string HousingFund = "12211200031892486P";
    private readonly NodeTestKeys _keys = new();

    private static DateOnly Today(TongbanApp app) => app.Services.GetRequiredService<RegionClock>().Today;

    private async Task<(string Id, SigningKey Key)> RegisterAsync(TongbanApp app, string code, DateTimeOffset? tlsExpiresAt = null)
    {
        var key = _keys.Key(code);
        await using var scope = app.Services.CreateAsyncScope();
        var id = await scope.ServiceProvider.GetRequiredService<INodeDirectory>().AddNodeAsync(
            new NodeRegistration(HousingFund, code, "http://127.0.0.1:7001", key.Public.Pem, new string('c', 64), tlsExpiresAt), CancellationToken.None);
        return (id, key);
    }

    private static JsonObject Report(SigningKey key, string node, DateTimeOffset sentAt, params ServiceCount[] counts) =>
        SignedDocument.Sign(new NodeReport(NodeReport.FormatName, node, sentAt, "1.4.0+abc1234", 3, counts), key);

    private static Task<string> PostAsync(TongbanApp app, JsonNode body) => PostAsync(app, body.ToJsonString());

    private static async Task<string> PostAsync(TongbanApp app, string body)
    {
        using var response = await app.CreateClient().PostAsync("/api/nodes/configuration", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var configuration = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal(NodeConfiguration.FormatName, configuration!["document"]!["format"]!.GetValue<string>()); // the configuration, whatever the report
        return response.Headers.GetValues(NodeReport.ResultHeader).Single();
    }

    private static async Task<JsonElement> OperationsOfAsync(TongbanApp app, string id)
    {
        var operator_ = await app.SignInAsync("运维人员", Policies.SystemAdministrator);
        var all = await operator_.GetFromJsonAsync<JsonElement>("/api/nodes/operations");
        return all.EnumerateArray().Single(n => n.GetProperty("id").GetString() == id);
    }

    [Theory]
    [DatabaseLanes]
    public async Task Last_seen_and_counts_are_recorded_only_from_a_report_signed_by_the_nodes_own_key_and_sent_now(DatabaseLane lane)
    {
        var app = await apps.For(lane);
        var (id, key) = await RegisterAsync(app, "ops-seen");
        var (other, _) = await RegisterAsync(app, "ops-other");
        var today = Today(app);
        ServiceCount[] counts = [new(today, ServiceCount.Consumer, $"{HousingFund}/fund-account", "ok", 5, 500, 200),
            new(today, ServiceCount.Consumer, $"{HousingFund}/fund-account", "node.no_right", 2, 20, 15)];

        var unsigned = new JsonObject { ["document"] = JsonSerializer.SerializeToNode(new NodeReport(NodeReport.FormatName, id, DateTimeOffset.UtcNow, "1", 3, counts), SignedDocument.Json) };
        foreach (var bad in new JsonNode[] { unsigned, Report(_keys.Key("forger"), id, DateTimeOffset.UtcNow, counts), Report(key, id, DateTimeOffset.UtcNow.AddMinutes(-10), counts),
                     Report(key, other, DateTimeOffset.UtcNow, counts) })
            Assert.Equal("ignored", await PostAsync(app, bad));
        var unseen = await OperationsOfAsync(app, id);
        Assert.Equal(JsonValueKind.Null, unseen.GetProperty("lastSeenAt").ValueKind);
        Assert.False(unseen.GetProperty("up").GetBoolean());
        Assert.Empty(unseen.GetProperty("days").EnumerateArray());

        Assert.Equal("accepted", await PostAsync(app, Report(key, id, DateTimeOffset.UtcNow, counts)));
        Assert.Equal("accepted", await PostAsync(app, Report(key, id, DateTimeOffset.UtcNow, counts))); // totals so far: sent twice, counted once

        var seen = await OperationsOfAsync(app, id);
        Assert.True(seen.GetProperty("up").GetBoolean());
        Assert.Equal(("1.4.0+abc1234", 3), (seen.GetProperty("softwareVersion").GetString(), seen.GetProperty("configurationVersion").GetInt64()));
        var day = seen.GetProperty("days").EnumerateArray().Single();
        Assert.Equal((7, 2, 200), (day.GetProperty("calls").GetInt64(), day.GetProperty("failures").GetInt64(), day.GetProperty("maxMilliseconds").GetInt64()));
        Assert.Equal(2, day.GetProperty("failuresByReason").GetProperty("node.no_right").GetInt64());
        Assert.Equal(JsonValueKind.Null, (await OperationsOfAsync(app, other)).GetProperty("lastSeenAt").ValueKind);
    }

    [Theory]
    [DatabaseLanes]
    public async Task The_operations_page_shows_a_node_up_in_local_time_with_its_expiries_flagged_and_no_ids_or_codes(DatabaseLane lane)
    {
        var app = await apps.For(lane);
        var (id, key) = await RegisterAsync(app, "ops-page", DateTimeOffset.UtcNow.AddDays(10));
        var (quiet, _) = await RegisterAsync(app, "ops-quiet");
        Assert.Equal("accepted", await PostAsync(app, SignedDocument.Sign(new NodeReport(NodeReport.FormatName, id, DateTimeOffset.UtcNow, "1.4.0+abc1234", 3,
        [
            new ServiceCount(Today(app), ServiceCount.Provider, "unknown", "node.signature_invalid", 4, 8, 3),
            new ServiceCount(Today(app), ServiceCount.PushOut, "unknown", "node.recipient_unreachable", 2, 30, 20),
            new ServiceCount(Today(app), ServiceCount.PushIn, "unknown", "ok", 1, 5, 5),
        ], ["pushes.failing", "log.unstamped", "something.new"]), key)));
        var lastSeen = (await OperationsOfAsync(app, id)).GetProperty("lastSeenAt").GetDateTimeOffset();

        var page = WebUtility.HtmlDecode(await (await app.SignInAsync("运维人员", Policies.SystemAdministrator)).GetStringAsync("/admin/nodes"));

        var section = page[page.IndexOf("ops-page", StringComparison.Ordinal)..page.IndexOf("ops-quiet", StringComparison.Ordinal)];
        Assert.Contains("在线", section, StringComparison.Ordinal);
        Assert.Contains(app.Services.GetRequiredService<RegionClock>().Local(lastSeen).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture), section, StringComparison.Ordinal);
        Assert.Contains("1.4.0+abc1234", section, StringComparison.Ordinal);
        Assert.Contains("持有第3版", section, StringComparison.Ordinal);
        Assert.Contains("请更换证书", section, StringComparison.Ordinal);
        Assert.DoesNotContain("请轮换密钥", section, StringComparison.Ordinal); // the key was registered today, for a year
        Assert.Contains("消息签名验证失败：4", section, StringComparison.Ordinal);
        Assert.Contains("未登记的服务", section, StringComparison.Ordinal);
        Assert.Contains("本单位推送", section, StringComparison.Ordinal); // pushes counted apart from calls, both ways
        Assert.Contains("外单位推送", section, StringComparison.Ordinal);
        Assert.Contains("有推送投递失败，正在等待重试", section, StringComparison.Ordinal); // what the node reported ails it, in words
        Assert.Contains("消息日志有记录久未得到中心的时间戳", section, StringComparison.Ordinal);
        Assert.Contains("前置机报告了一个本中心不认识的问题", section, StringComparison.Ordinal);
        Assert.DoesNotContain("pushes.failing", section, StringComparison.Ordinal);
        Assert.Contains("未知，尚未收到报告", page[page.IndexOf("ops-quiet", StringComparison.Ordinal)..], StringComparison.Ordinal);
        Assert.Contains("离线", page[page.IndexOf("ops-quiet", StringComparison.Ordinal)..], StringComparison.Ordinal);
        Assert.Contains("住房公积金", page, StringComparison.Ordinal); // the member by its name
        Assert.DoesNotMatch(@"node\.[a-z_]+", section); // reasons in words, not codes
        Assert.DoesNotMatch(Guid(), page);
        Assert.DoesNotMatch(UtcInstant(), page);
        Assert.DoesNotContain(quiet, page, StringComparison.Ordinal); // members by name, nodes by code: no {credit code}/{code} ids
    }

    [Theory]
    [DatabaseLanes]
    public async Task Someone_who_is_not_the_platform_operator_gets_403_from_the_page_and_the_API(DatabaseLane lane)
    {
        var app = await apps.For(lane);
        var dataAdministrator = await app.SignInAsync("数据员", Policies.DataAdministrator);

        Assert.Equal(HttpStatusCode.Forbidden, (await dataAdministrator.GetAsync("/api/nodes/operations")).StatusCode);
        Assert.StartsWith("/status/403", (await dataAdministrator.GetAsync("/admin/nodes")).Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().GetAsync("/api/nodes/operations")).StatusCode);
    }

    [Theory]
    [DatabaseLanes]
    public async Task Hostile_reports_get_the_configuration_and_change_nothing(DatabaseLane lane)
    {
        var app = await apps.For(lane);
        var (id, key) = await RegisterAsync(app, "ops-hostile");
        var good = Report(key, id, DateTimeOffset.UtcNow).ToJsonString();
        var client = app.CreateClient();
        string[] shaped =
        [
            "[1,2]", "{\"a\":1,\"a\":2}", "{\"document\":{\"node\":\"x\",\"node\":\"y\"}}", "{\"document\":[],\"signature\":1}", $"{{\"document\":{{\"node\":5}}}}", $"{{\"document\":{{\"node\":\"{new string('x', 5000)}\"}}}}",
            new string('[', 10_000), "{\"document\":" + new string('x', 300_000) + "}",
            Report(key, id, DateTimeOffset.UtcNow, [.. Enumerable.Range(0, 2001).Select(i => new ServiceCount(Today(app), "consumer", $"s/{i}", "ok", 1, 1, 1))]).ToJsonString(),
        ];
        foreach (var body in shaped)
            Assert.Equal("ignored", await PostAsync(app, body));
        Assert.Equal(JsonValueKind.Null, (await OperationsOfAsync(app, id)).GetProperty("lastSeenAt").ValueKind);
        // Mutations of a good report: a refusal or the configuration, never a server error (one that only adds
        // whitespace between tokens still verifies, since the signature covers the canonical form).
        foreach (var body in Fuzz.Strings(good, mutations: 30))
        {
            using var response = await client.PostAsync("/api/nodes/configuration", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        // A signed report is still checked: a day out of range, a side that is none, a negative count are dropped.
        var odd = Report(key, id, DateTimeOffset.UtcNow, new ServiceCount(Today(app).AddDays(-30), "consumer", "s", "ok", 1, 1, 1),
            new ServiceCount(Today(app), "sideways", "s", "ok", 1, 1, 1), new ServiceCount(Today(app), "consumer", "s", "ok", -5, 1, 1));
        Assert.Equal("accepted", await PostAsync(app, odd));
        Assert.Empty((await OperationsOfAsync(app, id)).GetProperty("days").EnumerateArray());
    }

    [Theory]
    [DatabaseLanes]
    public async Task A_key_replaced_at_the_centre_is_in_the_next_configuration_and_reports_signed_with_the_old_key_are_ignored(DatabaseLane lane)
    {
        var app = await apps.For(lane);
        var (id, old) = await RegisterAsync(app, "ops-rotate");
        var renewed = _keys.Key("ops-rotate-2");
        var before = (await app.CreateClient().GetFromJsonAsync<JsonObject>("/api/nodes/configuration"))!["document"]!["version"]!.GetValue<long>();

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var directory = scope.ServiceProvider.GetRequiredService<INodeDirectory>();
            Assert.Equal(renewed.Public.KeyId, await directory.UpdateKeyAsync(id, renewed.Public.Pem, CancellationToken.None));
            Assert.Equal("node.key_unchanged", (await Assert.ThrowsAsync<DomainException>(() => directory.UpdateKeyAsync(id, renewed.Public.Pem, CancellationToken.None))).Errors[0].Code);
            Assert.Equal("node.unknown", (await Assert.ThrowsAsync<DomainException>(() => directory.UpdateKeyAsync(HousingFund + "/none", renewed.Public.Pem, CancellationToken.None))).Errors[0].Code);
        }

        var after = SignedDocument.Verify<NodeConfiguration>(await app.CreateClient().GetFromJsonAsync<JsonObject>("/api/nodes/configuration"),
            [app.Services.CreateScope().ServiceProvider.GetRequiredService<INodeDirectory>().Anchor()])!;
        Assert.True(after.Version > before);
        Assert.Equal(renewed.Public.Pem, after.Node(id)!.PublicKeyPem);
        Assert.Equal("ignored", await PostAsync(app, Report(old, id, DateTimeOffset.UtcNow)));
        Assert.Equal("accepted", await PostAsync(app, Report(renewed, id, DateTimeOffset.UtcNow)));
    }

    [GeneratedRegex("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial Regex Guid();

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?(\.\d+)?(Z|\+00:00)")]
    private static partial Regex UtcInstant();

    public void Dispose() => _keys.Dispose();
}
