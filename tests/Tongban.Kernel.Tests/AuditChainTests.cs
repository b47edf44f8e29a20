using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Kernel.Audit;
using Tongban.Kernel.Data;
using Tongban.Kernel.Outbox;

namespace Tongban.Kernel.Tests;

public sealed class AuditChainTests
{
    private const int Entries = 6;

    [Theory]
    [DatabaseLanes]
    public async Task An_untouched_chain_verifies(DatabaseLane lane)
    {
        await using var chain = await ChainAsync(lane);
        var result = await chain.VerifyAsync();
        Assert.True(result.IsIntact, result.Description);
        Assert.True(result.EntriesChecked >= Entries);
    }

    [Theory]
    [DatabaseLanes]
    public async Task Altering_an_entry_is_detected_and_named(DatabaseLane lane)
    {
        await using var chain = await ChainAsync(lane);
        var target = await chain.SequenceOfAsync("test.action.3");
        await chain.SqlAsync($"UPDATE kernel_audit_entries SET details = 'rewritten' WHERE sequence = {target}");

        var result = await chain.VerifyAsync();
        Assert.Equal(AuditFault.Altered, result.Fault);
        Assert.Equal(target, result.Sequence);
    }

    [Theory]
    [DatabaseLanes]
    public async Task Deleting_an_entry_is_detected_and_named(DatabaseLane lane)
    {
        await using var chain = await ChainAsync(lane);
        var target = await chain.SequenceOfAsync("test.action.2");
        await chain.SqlAsync($"DELETE FROM kernel_audit_entries WHERE sequence = {target}");

        var result = await chain.VerifyAsync();
        Assert.Equal(AuditFault.Deleted, result.Fault);
        Assert.Equal(target, result.Sequence);
    }

    [Theory]
    [DatabaseLanes]
    public async Task Deleting_the_last_entry_is_detected_against_the_head(DatabaseLane lane)
    {
        await using var chain = await ChainAsync(lane);
        var last = await chain.SequenceOfAsync($"test.action.{Entries}");
        await chain.SqlAsync($"DELETE FROM kernel_audit_entries WHERE sequence = {last}");

        var result = await chain.VerifyAsync();
        Assert.Equal(AuditFault.Deleted, result.Fault);
        Assert.Equal(last, result.Sequence);
    }

    [Theory]
    [DatabaseLanes]
    public async Task Inserting_an_entry_with_a_well_formed_hash_is_detected_and_named(DatabaseLane lane)
    {
        await using var chain = await ChainAsync(lane);
        var at = await chain.SequenceOfAsync("test.action.4");
        // A forger who knows the scheme: make room, then insert an entry that links correctly to its predecessor.
        await chain.SqlAsync($"UPDATE kernel_audit_entries SET sequence = sequence + 1000 WHERE sequence >= {at}");
        await chain.SqlAsync($"UPDATE kernel_audit_entries SET sequence = sequence - 999 WHERE sequence >= {at + 1000}");
        var previous = await chain.HashOfAsync(at - 1);
        var forged = ForgedEntry(at, previous);
        await chain.InsertAsync(forged);

        var result = await chain.VerifyAsync();
        Assert.Equal(AuditFault.Inserted, result.Fault);
        Assert.Equal(at, result.Sequence);
    }

    [Theory]
    [DatabaseLanes]
    public async Task A_redelivered_audit_message_is_appended_once(DatabaseLane lane)
    {
        await using var chain = await ChainAsync(lane);
        var before = await chain.CountAsync();
        var message = await chain.LastMessageAsync();
        await using (var scope = chain.App.Services.CreateAsyncScope())
        {
            // The kernel's own handler of audit records is the chain's appender (modules may watch audit records too).
            var appender = scope.ServiceProvider.GetServices<IOutboxHandler>()
                .Single(h => h.MessageType == AuditRecord.MessageType && h.GetType().Assembly == typeof(AuditRecord).Assembly);
            await appender.HandleAsync(message, CancellationToken.None);
        }
        Assert.Equal(before, await chain.CountAsync());
    }

    private static AuditEntry ForgedEntry(long sequence, string previousHash)
    {
        var append = typeof(AuditEntry).GetMethod("Append", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!;
        var record = new AuditRecord("forger", "test.forged", "nobody", null, DateTimeOffset.UtcNow);
        return (AuditEntry)append.Invoke(null, [sequence, previousHash, record, Guid.NewGuid(), DateTimeOffset.UtcNow])!;
    }

    private static async Task<Chain> ChainAsync(DatabaseLane lane)
    {
        var database = await TestDatabase.CreateAsync(lane);
        var app = new TongbanApp(database, new Dictionary<string, string?> { ["Region:SeedDemoWhenEmpty"] = "false" });
        _ = app.Server;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<KernelDbContext>();
            for (var i = 1; i <= Entries; i++)
            {
                db.Audit(new AuditRecord("tester", $"test.action.{i}", "110105********002X", $"step {i}", DateTimeOffset.UtcNow));
                await db.SaveChangesAsync();
            }
        }
        await app.DrainOutboxAsync();
        return new Chain(app, database);
    }

    private sealed class Chain(TongbanApp app, TestDatabase database) : IAsyncDisposable
    {
        public TongbanApp App => app;

        public async Task<AuditVerification> VerifyAsync()
        {
            await using var scope = app.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<ChainVerifier>().VerifyAsync(AuditChain.Name, CheckpointSources.Default, CancellationToken.None);
        }

        public Task<long> SequenceOfAsync(string action) => QueryAsync(db => db.AuditEntries.Where(e => e.Action == action).Select(e => e.Sequence).SingleAsync());

        public Task<string> HashOfAsync(long sequence) => QueryAsync(db => db.AuditEntries.Where(e => e.Sequence == sequence).Select(e => e.Hash).SingleAsync());

        public Task<int> CountAsync() => QueryAsync(db => db.AuditEntries.CountAsync());

        public Task<OutboxMessage> LastMessageAsync() =>
            QueryAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.Type == AuditRecord.MessageType).OrderByDescending(m => m.Id).FirstAsync());

        public Task SqlAsync(string sql) => QueryAsync(db => db.Database.ExecuteSqlRawAsync(sql));

        public Task InsertAsync(AuditEntry entry) => QueryAsync(async db =>
        {
            db.AuditEntries.Add(entry);
            return await db.SaveChangesAsync();
        });

        private async Task<T> QueryAsync<T>(Func<KernelDbContext, Task<T>> query)
        {
            await using var scope = app.Services.CreateAsyncScope();
            return await query(scope.ServiceProvider.GetRequiredService<KernelDbContext>());
        }

        public async ValueTask DisposeAsync()
        {
            await app.DisposeAsync();
            await database.DisposeAsync();
        }
    }
}
