using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Kernel.Audit;
using Tongban.Kernel.Audit.Checkpoints;
using Tongban.Kernel.Keys;

namespace Tongban.Kernel.Tests.Checkpoints;

public sealed class CheckpointTests
{
    [Theory]
    [DatabaseLanes]
    public async Task Rewriting_an_entry_and_every_later_hash_is_caught_and_names_the_first_entry_after_the_last_good_checkpoint(DatabaseLane lane)
    {
        await using var audit = await AuditLog.StartAsync(lane);
        await audit.AppendAsync(3);
        var good = await audit.SignAsync();
        await audit.AppendAsync(3);
        var later = await audit.SignAsync();
        Assert.True((await audit.VerifyAsync()).IsIntact);

        await audit.RewriteAsync(good.Sequence + 2, "rewritten");

        var result = await audit.VerifyAsync();
        Assert.Equal((AuditFault.Rewritten, good.Sequence + 1, good.Sequence), (result.Fault, result.Sequence, result.LastCheckpoint));
        Assert.Contains($"entry #{later.Sequence} no longer matches the checkpoint", result.Description, StringComparison.Ordinal);
    }

    [Theory]
    [DatabaseLanes]
    public async Task Cutting_the_chain_back_behind_a_checkpoint_is_caught(DatabaseLane lane)
    {
        await using var audit = await AuditLog.StartAsync(lane);
        await audit.AppendAsync(2);
        var good = await audit.SignAsync();
        await audit.AppendAsync(3);
        await audit.SignAsync();

        await audit.WithKernelAsync(async db =>
        {
            await ChainForgery.CutBackAsync<AuditEntry, AuditHead>(db, good.Sequence + 1);
            return 0;
        });

        var result = await audit.VerifyAsync();
        Assert.Equal((AuditFault.Rewritten, good.Sequence + 1), (result.Fault, result.Sequence));
    }

    [Theory]
    [DatabaseLanes]
    public async Task A_checkpoint_signed_with_a_key_of_the_forgers_own_is_refused(DatabaseLane lane)
    {
        await using var audit = await AuditLog.StartAsync(lane);
        await audit.AppendAsync(3);
        var genuine = await audit.SignAsync();
        await audit.RewriteAsync(genuine.Sequence, "rewritten");

        // The forger replaces the checkpoint with one of their own over the rewritten head.
        var forgerKeys = new SigningKeys(new KeyFiles(Microsoft.Extensions.Options.Options.Create(new KeysOptions { Directory = Path.Combine(audit.Database.DataDirectory, "forger") }),
            Microsoft.Extensions.Options.Options.Create(new Kernel.Data.StorageOptions())));
        var forged = ChainCheckpoint.Sign(AuditChain.Name, new ChainPoint(genuine.Sequence, await audit.WithKernelAsync(db => db.AuditHeads.Select(h => h.LastHash).SingleAsync())),
            DateTimeOffset.UtcNow, forgerKeys.GetOrCreate("forger", SignatureSchemes.Ed25519));
        await audit.WithKernelAsync(async db =>
        {
            await db.Checkpoints.ExecuteDeleteAsync();
            db.Checkpoints.Add(forged);
            return await db.SaveChangesAsync();
        });
        File.Delete(audit.App.Services.GetRequiredService<CheckpointFile>().PublishPath);

        var result = await audit.VerifyAsync();
        Assert.Equal((AuditFault.UntrustedCheckpoint, genuine.Sequence), (result.Fault, result.Sequence));
    }

    [Theory]
    [DatabaseLanes]
    public async Task Deleting_the_checkpoints_from_the_database_hides_nothing_kept_in_the_publish_file(DatabaseLane lane)
    {
        await using var audit = await AuditLog.StartAsync(lane);
        await audit.AppendAsync(2);
        var good = await audit.SignAsync();
        await audit.AppendAsync(2);
        await audit.SignAsync();

        await audit.RewriteAsync(good.Sequence + 1, "rewritten");
        await audit.WithKernelAsync(db => db.Checkpoints.ExecuteDeleteAsync());

        var result = await audit.VerifyAsync();
        Assert.Equal((AuditFault.Rewritten, good.Sequence + 1), (result.Fault, result.Sequence));
    }

    [Theory]
    [DatabaseLanes]
    public async Task The_signer_does_not_vouch_for_a_chain_already_broken(DatabaseLane lane)
    {
        await using var audit = await AuditLog.StartAsync(lane);
        await audit.AppendAsync(2);
        var good = await audit.SignAsync();
        await audit.AppendAsync(2);
        await audit.WithKernelAsync(db => db.Database.ExecuteSqlAsync($"UPDATE kernel_audit_entries SET details = 'altered' WHERE sequence = {good.Sequence + 1}"));

        var signed = await audit.App.Services.GetRequiredService<CheckpointSigner>().SignDueAsync(force: true, CancellationToken.None);

        Assert.DoesNotContain(signed, c => c.Chain == AuditChain.Name);
        Assert.Equal(1, await audit.WithKernelAsync(db => db.Checkpoints.CountAsync(c => c.Chain == AuditChain.Name)));
    }

    [Theory]
    [DatabaseLanes]
    public async Task A_checkpoint_is_due_after_the_configured_number_of_entries(DatabaseLane lane)
    {
        await using var audit = await AuditLog.StartAsync(lane, new Dictionary<string, string?>
        {
            ["Audit:Checkpoints:EveryEntries"] = "3", ["Audit:Checkpoints:Interval"] = "01:00:00",
        });
        var signer = audit.App.Services.GetRequiredService<CheckpointSigner>();
        async Task<long?> Due() => (await signer.SignDueAsync(force: false, CancellationToken.None)).SingleOrDefault(c => c.Chain == AuditChain.Name)?.Sequence;

        await audit.AppendAsync(1);
        var first = await Due();
        Assert.NotNull(first);
        await audit.AppendAsync(2);
        Assert.Null(await Due());
        await audit.AppendAsync(1);
        Assert.Equal(first + 3, await Due());
    }

    [Theory]
    [DatabaseLanes]
    public async Task Two_instances_signing_the_same_head_at_once_store_one_checkpoint(DatabaseLane lane)
    {
        await using var audit = await AuditLog.StartAsync(lane);
        await audit.AppendAsync(3);
        await using var second = audit.SecondInstance();
        _ = second.Server;

        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => (i % 2 == 0 ? audit.App : second).Services
            .GetRequiredService<CheckpointSigner>().SignDueAsync(force: true, CancellationToken.None)));

        Assert.Single(results.SelectMany(r => r), c => c.Chain == AuditChain.Name);
        Assert.Equal(1, await audit.WithKernelAsync(db => db.Checkpoints.CountAsync(c => c.Chain == AuditChain.Name)));
        Assert.True((await audit.VerifyAsync()).IsIntact);
    }
}
