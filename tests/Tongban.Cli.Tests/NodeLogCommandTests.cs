using System.Security.Cryptography;
using Tongban.Nodes.Contracts;

namespace Tongban.Cli.Tests;

/// <summary><c>tongban node verify-log</c>: the node's message log checked from the command line, its exit code the verdict.</summary>
public sealed class NodeLogCommandTests
{
    [Theory]
    [DatabaseLanes]
    public async Task An_intact_log_exits_0_and_an_altered_entry_exits_1_naming_it(DatabaseLane lane)
    {
        await using var node = await TestDatabase.CreateAsync(lane);
        var anchor = Path.Combine(Directory.CreateTempSubdirectory("tongban-node-log-").FullName, "anchor.pem");
        using (var centre = ECDsa.Create(ECCurve.NamedCurves.nistP256)) await File.WriteAllTextAsync(anchor, centre.ExportSubjectPublicKeyInfoPem());
        var asNode = new Dictionary<string, string?> { [NodeRole.Key] = "node", ["Nodes:Member"] = "12211200031892486P", ["Nodes:Code"] = "fund-1", ["Nodes:AnchorFile"] = anchor };

        // A new node's installation: its personal-data key, then a first check (the command brings the schema up to date).
        Assert.Equal(0, (await Cli.RunAsync(node, asNode, "keys", "rotate-personal-data")).ExitCode);
        var intact = await Cli.RunAsync(node, asNode, "node", "verify-log");
        Assert.True(intact.ExitCode == 0, intact.Output);
        Assert.Contains("消息日志完整", intact.Output, StringComparison.Ordinal);
        Assert.Contains("未能连接中心", intact.Output, StringComparison.Ordinal); // no centre configured: said, not hidden

        // An entry whose hash does not cover what it says: written behind the node's back.
        var at = lane == DatabaseLane.Postgres ? "now()" : "0";
        await RawSql.RowsAsync(node, "INSERT INTO nd_message_log (sequence, at, direction, message_id, sender, recipient, service, header, signature, outcome, previous_hash, hash) " +
            $"VALUES (1, {at}, 'sent', '{Guid.NewGuid()}', 'a', 'b', 'fund-account', '{{}}', '', 'ok', '{new string('0', 64)}', '{new string('f', 64)}')");
        var altered = await Cli.RunAsync(node, asNode, "node", "verify-log");
        Assert.True(altered.ExitCode == 1, altered.Output);
        Assert.Contains("第1条日志被改动", altered.Output, StringComparison.Ordinal);
        Assert.Contains("Log entry #1 was altered", altered.Output, StringComparison.Ordinal);
        Directory.Delete(Path.GetDirectoryName(anchor)!, recursive: true);
    }
}
