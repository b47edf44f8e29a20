using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Kernel.Audit;
using Tongban.Kernel.Data;
using Tongban.Kernel.Outbox;

namespace Tongban.Cli.Tests;

public sealed class AuditCommandTests
{
    private static readonly Dictionary<string, string?> NoDemo = new() { ["Region:SeedDemoWhenEmpty"] = "false" };

    [Theory]
    [DatabaseLanes]
    public async Task Audit_verify_reads_only_it_chains_no_pending_record_and_changes_no_byte(DatabaseLane lane)
    {
        await using var database = await TestDatabase.CreateAsync(lane);
        await WithAppAsync(database, async app =>
        {
            await AppendAsync(app, 3);
            Assert.Equal(0, (await Cli.RunAsync(database, "audit", "checkpoints", "sign")).ExitCode);
            // One audit record left in the outbox: a dispatcher would chain it and mark it processed.
            await AppendAsync(app, 1, drain: false);
        });
        var before = await DatabaseSnapshot.TakeAsync(database);

        var (exit, output) = await Cli.RunAsync(database, "audit", "verify");

        Assert.True(exit == 0, output);
        Assert.Contains("audit: 哈希链完整 / intact", output, StringComparison.Ordinal);
        Assert.Contains("1 条审计记录尚在发件箱中等待记入", output, StringComparison.Ordinal);
        Assert.Equal(before, await DatabaseSnapshot.TakeAsync(database));
    }

    [Theory]
    [DatabaseLanes]
    public async Task Audit_verify_fails_and_names_the_first_entry_after_the_last_good_checkpoint_when_the_chain_was_rewritten(DatabaseLane lane)
    {
        await using var database = await TestDatabase.CreateAsync(lane);
        long good = 0;
        await WithAppAsync(database, async app =>
        {
            await AppendAsync(app, 2);
            good = await SignAsync(database);
            await AppendAsync(app, 3);
            await SignAsync(database);
            await ForgeAsync(app, good + 2);
        });

        var (exit, output) = await Cli.RunAsync(database, "audit", "verify");

        Assert.Equal(1, exit);
        Assert.Contains($"audit: 哈希链被破坏 / broken (Rewritten, entry #{good + 1})", output, StringComparison.Ordinal);
    }

    [Theory]
    [DatabaseLanes]
    public async Task An_exported_checkpoint_file_and_public_key_catch_a_rewrite_after_the_database_lost_its_checkpoints(DatabaseLane lane)
    {
        await using var database = await TestDatabase.CreateAsync(lane);
        var export = Path.Combine(database.DataDirectory, "..", $"export-{Guid.NewGuid():N}.json");
        long good = 0;
        await WithAppAsync(database, async app =>
        {
            await AppendAsync(app, 2);
            good = await SignAsync(database);
            await AppendAsync(app, 2);
            await SignAsync(database);
            Assert.Equal(0, (await Cli.RunAsync(database, "audit", "checkpoints", "export", "--out", export)).ExitCode);
            await ForgeAsync(app, good + 1);
            await using var scope = app.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<KernelDbContext>().Checkpoints.ExecuteDeleteAsync();
        });
        File.Delete(Path.Combine(database.DataDirectory, "audit-checkpoints.jsonl"));
        var publicKey = Path.Combine(database.DataDirectory, "keys", "audit-checkpoints.pub");

        Assert.Equal(0, (await Cli.RunAsync(database, "audit", "verify")).ExitCode);
        var (exit, output) = await Cli.RunAsync(database, "audit", "verify", "--checkpoints", export, "--public-key", publicKey);
        File.Delete(export);

        Assert.Equal(1, exit);
        Assert.Contains($"(Rewritten, entry #{good + 1})", output, StringComparison.Ordinal);
    }

    private static async Task<long> SignAsync(TestDatabase database)
    {
        var (exit, output) = await Cli.RunAsync(database, "audit", "checkpoints", "sign");
        Assert.True(exit == 0, output);
        var line = output.Split('\n').Single(l => l.Contains(" audit at entry #", StringComparison.Ordinal));
        return long.Parse(line.Split('#')[1].Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task WithAppAsync(TestDatabase database, Func<TongbanApp, Task> work)
    {
        await using var app = new TongbanApp(database, NoDemo);
        _ = app.Server;
        await work(app);
    }

    private static async Task AppendAsync(TongbanApp app, int count, bool drain = true)
    {
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<KernelDbContext>();
            for (var i = 0; i < count; i++)
            {
                db.Audit(new AuditRecord("tester", "test.action", "110105********002X", $"step {i}", DateTimeOffset.UtcNow));
                await db.SaveChangesAsync();
            }
        }
        if (drain) await app.DrainOutboxAsync();
    }

    private static async Task ForgeAsync(TongbanApp app, long sequence)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await ChainForgery.RewriteAsync<AuditEntry, AuditHead>(scope.ServiceProvider.GetRequiredService<KernelDbContext>(), sequence,
            e => e.Set(nameof(AuditEntry.Details), "rewritten"));
    }
}
