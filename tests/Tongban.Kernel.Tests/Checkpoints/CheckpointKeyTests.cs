using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Kernel.Audit;
using Tongban.Kernel.Audit.Checkpoints;
using Tongban.Kernel.Keys;

namespace Tongban.Kernel.Tests.Checkpoints;

public sealed class CheckpointKeyTests
{
    [Theory]
    [DatabaseLanes]
    public async Task The_signing_key_is_made_on_first_use_in_the_key_directory_for_the_owner_only_and_never_in_the_database(DatabaseLane lane)
    {
        await using var audit = await AuditLog.StartAsync(lane);
        var keys = Path.Combine(audit.Database.DataDirectory, "keys");
        Assert.False(File.Exists(Path.Combine(keys, "audit-checkpoints.key")));
        await audit.AppendAsync(1);
        var checkpoint = await audit.SignAsync();

        var privateKey = await File.ReadAllTextAsync(Path.Combine(keys, "audit-checkpoints.key"));
        Assert.StartsWith("-----BEGIN PRIVATE KEY-----", privateKey, StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(keys, "audit-checkpoints.key")));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(keys));
        }
        var published = PublicSigningKey.FromPem(await File.ReadAllTextAsync(Path.Combine(keys, "audit-checkpoints.pub")));
        Assert.Equal((SignatureSchemes.Ed25519, published.KeyId), (checkpoint.Algorithm, checkpoint.KeyId));
        Assert.True(published.Verify(checkpoint.SignedBytes(), Convert.FromBase64String(checkpoint.Signature)));
        if (lane == DatabaseLane.Sqlite)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            var body = privateKey.Split('\n')[1];
            Assert.DoesNotContain(body, Encoding.Latin1.GetString(await File.ReadAllBytesAsync(Path.Combine(audit.Database.DataDirectory, "tongban.db"))), StringComparison.Ordinal);
        }
    }

    [Theory]
    [DatabaseLanes]
    public async Task Checkpoints_signed_with_SM2_verify_and_catch_a_rewrite(DatabaseLane lane)
    {
        await using var audit = await AuditLog.StartAsync(lane, new Dictionary<string, string?> { ["Audit:Checkpoints:Algorithm"] = "SM2" });
        await audit.AppendAsync(2);
        var good = await audit.SignAsync();
        await audit.AppendAsync(2);
        var later = await audit.SignAsync();
        Assert.Equal((SignatureSchemes.Sm2, SignatureSchemes.Sm2), (good.Algorithm, later.Algorithm));
        Assert.True((await audit.VerifyAsync()).IsIntact);

        await audit.RewriteAsync(later.Sequence, "rewritten");
        var result = await audit.VerifyAsync();
        Assert.Equal((AuditFault.Rewritten, good.Sequence + 1), (result.Fault, result.Sequence));
    }

    [Theory]
    [DatabaseLanes]
    public async Task After_a_key_rotation_old_checkpoints_still_verify_and_only_trusted_keys_count(DatabaseLane lane)
    {
        await using var audit = await AuditLog.StartAsync(lane);
        await audit.AppendAsync(1);
        var before = await audit.SignAsync();
        var keys = audit.App.Services.GetRequiredService<SigningKeys>();
        Assert.Equal(before.KeyId, keys.Retire(CheckpointOptions.KeyName, DateTimeOffset.UtcNow));
        await audit.AppendAsync(1);
        var after = await audit.SignAsync();

        Assert.NotEqual(before.KeyId, after.KeyId);
        var result = await audit.VerifyAsync();
        Assert.True(result.IsIntact, result.Description);
        Assert.Equal(2, result.CheckpointsChecked);
        var onlyNew = await audit.VerifyAsync(new CheckpointSources([], [keys.Trusted(CheckpointOptions.KeyName).Single(k => k.KeyId == after.KeyId)]));
        Assert.Equal((AuditFault.UntrustedCheckpoint, before.Sequence), (onlyNew.Fault, onlyNew.Sequence));
    }

    [Theory]
    [DatabaseLanes]
    public async Task A_configured_timestamp_service_stamps_each_checkpoint_and_a_swapped_token_is_refused(DatabaseLane lane)
    {
        var tsa = new StubTimestampAuthority();
        await using var audit = await AuditLog.StartAsync(lane, new Dictionary<string, string?> { ["Audit:Checkpoints:TimestampUrl"] = "http://tsa.test/stamp" },
            s => s.AddHttpClient(TimestampAuthority.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => tsa).SetHandlerLifetime(Timeout.InfiniteTimeSpan));
        await audit.AppendAsync(1);
        var first = await audit.SignAsync();
        await audit.AppendAsync(1);
        var second = await audit.SignAsync();

        Assert.Equal(2, tsa.Requests);
        Assert.NotNull(first.Timestamp);
        var verified = await audit.VerifyAsync();
        Assert.True(verified.IsIntact, verified.Description);

        // A token is bound to its checkpoint: the first one's token on the second checkpoint is refused.
        await audit.WithKernelAsync(db => db.Checkpoints.Where(c => c.Sequence == second.Sequence).ExecuteUpdateAsync(s => s.SetProperty(c => c.Timestamp, first.Timestamp)));
        File.Delete(audit.App.Services.GetRequiredService<CheckpointFile>().PublishPath);
        var result = await audit.VerifyAsync();
        Assert.Equal((AuditFault.UntrustedCheckpoint, second.Sequence), (result.Fault, result.Sequence));
    }
}
