using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Kernel.Audit;
using Tongban.Kernel.Keys;
using Tongban.Nodes.Contracts;
using Tongban.Nodes.Data;
using Tongban.Nodes.Node;

namespace Tongban.Nodes.Tests;

/// <summary>
/// The centre's stamps on a node's message log (ADR 0014, "Message log"): the shared centre of the lane stamps the head
/// of a node of the test's own (a fresh one per test, since some tests rewrite its log), both keep the stamp, and the
/// log is checked against the stamps — a rewrite below a stamped sequence is found even when the node's own stamps are gone.
/// </summary>
public sealed class LogStampTests(LaneApps apps) : IDisposable
{
    private const string HousingFund = "12211200031892486P";
    private const string ClientSecret = "an-auditor-secret";
    private readonly NodeTestKeys _keys = new();

    private sealed record StampNode(TongbanApp Centre, TongbanApp Node, string Id) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Node.DisposeAsync();
            await Node.Database.DisposeAsync();
        }

        public INodeLog Log => Node.Services.GetRequiredService<INodeLog>();

        public async Task AppendAsync(int count)
        {
            var log = Node.Services.GetRequiredService<MessageLog>();
            for (var i = 0; i < count; i++)
                await log.AppendAsync(new MessageLogDraft("sent", Guid.CreateVersion7(), Id, $"{TwoNodes.Consumer}/land-1", "fund-account", "{\"purpose\":\"test\"}", "c2ln", "ok"), CancellationToken.None);
        }
    }

    /// <summary>A node of <see cref="HousingFund"/> registered at the lane's centre, holding the centre's anchor, its directory client reaching the centre's test server.</summary>
    private async Task<StampNode> StartAsync(DatabaseLane lane, string code)
    {
        var centre = await apps.For(lane);
        code = $"{code}-{lane.ToString().ToLowerInvariant()}";
        string anchor;
        await using (var scope = centre.Services.CreateAsyncScope())
            anchor = _keys.PublicKeyFile(scope.ServiceProvider.GetRequiredService<INodeDirectory>().Anchor());
        var node = new TongbanApp(await TestDatabase.CreateAsync(lane), new Dictionary<string, string?>
        {
            [NodeRole.Key] = "node", ["Region:SeedDemoWhenEmpty"] = "false", ["Nodes:Member"] = HousingFund, ["Nodes:Code"] = code,
            ["Nodes:AnchorFile"] = anchor, ["Nodes:DirectoryAddress"] = "http://centre.test", ["Nodes:RefreshInterval"] = "00:00:00", ["Nodes:StampInterval"] = "00:00:00",
            ["Nodes:Clients:0:Id"] = "auditor", ["Nodes:Clients:0:SecretSha256"] = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ClientSecret))),
        }, s => s.AddHttpClient(ConfigurationRefresher.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => centre.Server.CreateHandler()));
        var key = node.Services.GetRequiredService<INodeKeys>().PublicKey();
        await using (var scope = centre.Services.CreateAsyncScope())
        {
            var id = await scope.ServiceProvider.GetRequiredService<INodeDirectory>().AddNodeAsync(
                new NodeRegistration(HousingFund, code, "http://127.0.0.1:7001", key.Pem, new string('d', 64)), CancellationToken.None);
            return new StampNode(centre, node, id);
        }
    }

    private static async Task<List<StoredLogStamp>> StampsAtAsync(TongbanApp app, string node)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<NodesDbContext>().LogStamps.AsNoTracking().Where(s => s.Node == node).OrderBy(s => s.Sequence).ToListAsync();
    }

    private static async Task<(HttpStatusCode Status, string? Code)> PostStampAsync(TongbanApp centre, JsonNode request)
    {
        using var response = await centre.CreateClient().PostAsJsonAsync("/api/nodes/stamps", request);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (response.StatusCode, body.TryGetProperty("code", out var code) ? code.GetString() : null);
    }

    /// <summary>A forger's rewrite of entries from <paramref name="from"/> on: each changed, every later hash and the head recomputed, so the chain links up.</summary>
    private static async Task RewriteFromAsync(TongbanApp node, long from)
    {
        await using var scope = node.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NodesDbContext>();
        var entries = await db.MessageLog.AsNoTracking().Where(e => e.Sequence >= from).OrderBy(e => e.Sequence).ToListAsync();
        var previous = (await db.MessageLog.AsNoTracking().SingleAsync(e => e.Sequence == from - 1)).Hash;
        var forged = new List<MessageLogEntry>();
        foreach (var e in entries)
        {
            var copy = new MessageLogEntry
            {
                Sequence = e.Sequence, At = e.At, Direction = e.Direction, MessageId = e.MessageId, Sender = e.Sender, Recipient = e.Recipient, Service = e.Service,
                Header = e.Header, Signature = e.Signature, Outcome = e.Sequence == from ? "node.no_right" : e.Outcome, PreviousHash = previous,
            }.Seal();
            forged.Add(copy);
            previous = copy.Hash;
        }
        await db.MessageLog.Where(e => e.Sequence >= from).ExecuteDeleteAsync();
        db.MessageLog.AddRange(forged);
        await db.SaveChangesAsync();
        await db.MessageLogHeads.ExecuteUpdateAsync(h => h.SetProperty(x => x.LastHash, previous));
    }

    [Theory]
    [DatabaseLanes]
    public async Task The_nodes_report_carries_what_ails_it_that_the_centre_cannot_see_and_says_when_it_is_well_again(DatabaseLane lane)
    {
        await using var node = await StartAsync(lane, "health");
        var refresher = node.Node.Services.GetRequiredService<ConfigurationRefresher>();
        await refresher.RefreshNowAsync(CancellationToken.None); // the first fetch: no configuration held yet, which is not the centre's to hear
        Assert.Equal((true, 0), await ReportedAsync(node));

        var failing = new OutgoingPush
        {
            MessageId = Guid.CreateVersion7(), Recipient = $"{TwoNodes.Consumer}/land-1", RecipientMember = TwoNodes.Consumer, Service = "fund-status",
            ServiceVersion = "v1", Purpose = "test", OnBehalfOf = "test", SubjectDigest = new string('a', 64), Body = "{}", QueuedAt = DateTimeOffset.UtcNow,
            Attempts = 1, NextAttemptAt = DateTimeOffset.UtcNow.AddDays(1), LastError = "node.recipient_unreachable",
        };
        await using (var scope = node.Node.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<NodesDbContext>();
            db.OutgoingPushes.Add(failing);
            await db.SaveChangesAsync();
        }
        await refresher.RefreshNowAsync(CancellationToken.None);
        Assert.Equal(["pushes.failing"], await ProblemsAtCentreAsync(node));

        await using (var scope = node.Node.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<NodesDbContext>().OutgoingPushes.Where(p => p.MessageId == failing.MessageId)
                .ExecuteUpdateAsync(u => u.SetProperty(p => p.State, OutgoingPush.Delivered));
        await refresher.RefreshNowAsync(CancellationToken.None);
        Assert.Empty(await ProblemsAtCentreAsync(node));
    }

    private static async Task<(bool Seen, int Problems)> ReportedAsync(StampNode node)
    {
        await using var scope = node.Centre.Services.CreateAsyncScope();
        var kept = await scope.ServiceProvider.GetRequiredService<NodesDbContext>().Nodes.AsNoTracking().SingleAsync(n => n.Id == node.Id);
        return (kept.LastSeenAt is not null, kept.ReportedProblems.Count);
    }

    private static async Task<List<string>> ProblemsAtCentreAsync(StampNode node)
    {
        await using var scope = node.Centre.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<NodesDbContext>().Nodes.AsNoTracking().SingleAsync(n => n.Id == node.Id)).ReportedProblems;
    }

    [Theory]
    [DatabaseLanes]
    public async Task The_centre_stamps_the_log_head_both_keep_the_stamp_and_the_log_verifies_against_it(DatabaseLane lane)
    {
        await using var node = await StartAsync(lane, "stamp-ok");
        Assert.Null(await node.Log.StampNowAsync(CancellationToken.None)); // an empty log has nothing to stamp
        await node.AppendAsync(3);

        var stamp = await node.Log.StampNowAsync(CancellationToken.None);

        Assert.NotNull(stamp);
        Assert.Equal((LogStamp.FormatName, node.Id, 3L), (stamp.Format, stamp.Node, stamp.Sequence));
        var head = await node.Node.Services.CreateAsyncScope().ServiceProvider.GetServices<IHashChain>().Single(c => c.Name == MessageLogEntry.ChainName).HeadAsync(CancellationToken.None);
        Assert.Equal(head.Hash, stamp.Hash);
        var kept = Assert.Single(await StampsAtAsync(node.Node, node.Id));
        var copy = Assert.Single(await StampsAtAsync(node.Centre, node.Id));
        Assert.Equal((3L, head.Hash), (copy.Sequence, copy.Hash));
        Assert.Equal(JsonNode.Parse(copy.Signed)!.ToJsonString(), JsonNode.Parse(kept.Signed)!.ToJsonString()); // one stamp, kept at both ends
        Assert.Null(await node.Log.StampNowAsync(CancellationToken.None)); // the same head is not sent again

        await node.AppendAsync(2);
        Assert.Equal(5, (await node.Log.StampNowAsync(CancellationToken.None))!.Sequence);
        var check = await node.Log.VerifyAsync(CancellationToken.None);

        Assert.True(check.Intact, check.English);
        Assert.Equal((5L, 2, 5L, 2, 2, true, 0), (check.EntriesChecked, check.StampsChecked, check.LastStampedSequence, check.StampsHeld, check.StampsFromCentre, check.CentreReached, check.StampsUntrusted));
        Assert.StartsWith("消息日志完整", check.Chinese, StringComparison.Ordinal);

        var client = node.Node.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/node/log/verification")).StatusCode);
        var answer = await NodeClientCredentials.For(node.Node, "auditor", ClientSecret).GetFromJsonAsync<JsonElement>("/node/log/verification");
        Assert.True(answer.GetProperty("intact").GetBoolean());
        Assert.Equal(2, answer.GetProperty("stampsChecked").GetInt32());
        var listed = await node.Centre.CreateClient().GetFromJsonAsync<JsonArray>($"/api/nodes/stamps/{HousingFund}/{node.Id.Split('/')[1]}");
        Assert.Equal([3L, 5L], listed!.Select(s => s!["document"]!["sequence"]!.GetValue<long>()));

        // A stamp held on the node that no longer verifies under the anchor is reported, not believed.
        await using (var scope = node.Node.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<NodesDbContext>();
            var signed = JsonNode.Parse((await db.LogStamps.SingleAsync(s => s.Node == node.Id && s.Sequence == 3)).Signed)!;
            signed["document"]!["hash"] = new string('f', 64);
            var text = signed.ToJsonString();
            await db.LogStamps.Where(s => s.Node == node.Id && s.Sequence == 3).ExecuteUpdateAsync(u => u.SetProperty(s => s.Signed, text));
        }
        var doubted = await node.Log.VerifyAsync(CancellationToken.None);
        Assert.False(doubted.Intact);
        Assert.Equal(("untrustedcheckpoint", 1), (doubted.Fault, doubted.StampsUntrusted));
    }

    [Theory]
    [DatabaseLanes]
    public async Task A_log_rewritten_below_a_stamp_disagrees_with_the_centres_copy_even_when_the_nodes_own_stamps_are_gone(DatabaseLane lane)
    {
        await using var node = await StartAsync(lane, "stamp-forged");
        await node.AppendAsync(2);
        Assert.NotNull(await node.Log.StampNowAsync(CancellationToken.None));
        await node.AppendAsync(3);
        Assert.NotNull(await node.Log.StampNowAsync(CancellationToken.None));
        Assert.True((await node.Log.VerifyAsync(CancellationToken.None)).Intact);

        await RewriteFromAsync(node.Node, 4); // entry #4 says another outcome; #4, #5 and the head rehashed: the chain itself links up
        await using (var scope = node.Node.Services.CreateAsyncScope())
        {
            var chain = scope.ServiceProvider.GetServices<IHashChain>().Single(c => c.Name == MessageLogEntry.ChainName);
            Assert.True((await chain.VerifyAsync(ChainPoint.Genesis, null, [], CancellationToken.None)).IsIntact); // without stamps nothing shows
            await scope.ServiceProvider.GetRequiredService<NodesDbContext>().LogStamps.ExecuteDeleteAsync(); // and the forger drops the node's own stamps
        }

        var check = await node.Log.VerifyAsync(CancellationToken.None);

        Assert.False(check.Intact);
        Assert.Equal("rewritten", check.Fault);
        Assert.Equal(3, check.FaultSequence); // the stamp at #2 still holds: from #3 on nothing can be trusted
        Assert.Equal((0, 2, true), (check.StampsHeld, check.StampsFromCentre, check.CentreReached));
        Assert.Contains("第3条", check.Chinese, StringComparison.Ordinal);

        // The rewritten head is refused a stamp of its own: the centre stamped #5 with another hash.
        Assert.Null(await node.Log.StampNowAsync(CancellationToken.None));
        var forgedHead = await node.Node.Services.CreateAsyncScope().ServiceProvider.GetServices<IHashChain>().Single(c => c.Name == MessageLogEntry.ChainName).HeadAsync(CancellationToken.None);
        var key = node.Node.Services.GetRequiredService<NodeKeys>().Current();
        Assert.Equal((HttpStatusCode.Conflict, "node.stamp_conflict"),
            await PostStampAsync(node.Centre, SignedDocument.Sign(new LogHead(LogHead.FormatName, node.Id, DateTimeOffset.UtcNow, forgedHead.Sequence, forgedHead.Hash), key)));
        Assert.Equal((HttpStatusCode.Conflict, "node.stamp_behind"),
            await PostStampAsync(node.Centre, SignedDocument.Sign(new LogHead(LogHead.FormatName, node.Id, DateTimeOffset.UtcNow, 4, forgedHead.Hash), key)));
        Assert.Equal([2L, 5L], (await StampsAtAsync(node.Centre, node.Id)).Select(s => s.Sequence));
    }

    [Theory]
    [DatabaseLanes]
    public async Task A_stamp_request_not_signed_by_the_nodes_registered_key_or_stale_or_malformed_is_refused_with_a_reason(DatabaseLane lane)
    {
        await using var node = await StartAsync(lane, "stamp-refused");
        var hash = new string('e', 64);
        LogHead Head(string id, long sequence = 7, DateTimeOffset? at = null) => new(LogHead.FormatName, id, at ?? DateTimeOffset.UtcNow, sequence, hash);
        var key = node.Node.Services.GetRequiredService<NodeKeys>().Current();

        Assert.Equal((HttpStatusCode.Forbidden, "node.signature_invalid"), await PostStampAsync(node.Centre, SignedDocument.Sign(Head(node.Id), _keys.Key("stamp-forger"))));
        var unsigned = new JsonObject { ["document"] = JsonSerializer.SerializeToNode(Head(node.Id), SignedDocument.Json) };
        Assert.Equal((HttpStatusCode.Forbidden, "node.signature_invalid"), await PostStampAsync(node.Centre, unsigned));
        Assert.Equal((HttpStatusCode.Forbidden, "node.unknown_sender"), await PostStampAsync(node.Centre, SignedDocument.Sign(Head($"{HousingFund}/no-such-node"), key)));
        Assert.Equal((HttpStatusCode.Forbidden, "node.expired"), await PostStampAsync(node.Centre, SignedDocument.Sign(Head(node.Id, at: DateTimeOffset.UtcNow.AddMinutes(-10)), key)));
        Assert.Equal((HttpStatusCode.BadRequest, "node.message_malformed"), await PostStampAsync(node.Centre, SignedDocument.Sign(Head(node.Id, sequence: 0), key)));
        Assert.Equal((HttpStatusCode.BadRequest, "node.message_malformed"), await PostStampAsync(node.Centre, new JsonArray()));
        Assert.Empty(await StampsAtAsync(node.Centre, node.Id));

        Assert.Equal(HttpStatusCode.OK, (await PostStampAsync(node.Centre, SignedDocument.Sign(Head(node.Id), key))).Status); // the same, signed by the node
        Assert.Single(await StampsAtAsync(node.Centre, node.Id));
    }

    public void Dispose() => _keys.Dispose();
}
