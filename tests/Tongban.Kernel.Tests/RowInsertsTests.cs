using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Kernel.Data;
using Tongban.Kernel.Outbox;

namespace Tongban.Kernel.Tests;

public sealed class RowInsertsTests
{
    /// <summary>
    /// Rows appended with the model-built inserts read back through EF Core exactly as written — ids, enums, times
    /// (ticks on SQLite), nulls and non-ASCII text — across several statements (120 rows, 50 a statement), all or none.
    /// </summary>
    [Theory]
    [DatabaseLanes]
    public async Task Appended_rows_read_back_through_ef_core_as_written_and_a_failing_batch_leaves_none(DatabaseLane lane)
    {
        await using var database = await TestDatabase.CreateAsync(lane);
        await using var app = new TongbanApp(database, new Dictionary<string, string?> { ["Region:SeedDemoWhenEmpty"] = "false", ["Outbox:Enabled"] = "false" });
        _ = app.Server;
        var at = new DateTimeOffset(2026, 12, 6, 3, 4, 5, 678, TimeSpan.Zero); // whole milliseconds: both providers keep them (SQLite packs ticks / 1000, PostgreSQL microseconds)
        var rows = Enumerable.Range(0, 120).Select(i => OutboxMessage.Create("test.rows", new { number = i, text = $"第{i}条 ünïcode" }, at.AddSeconds(i))).ToList();
        rows[7].Status = OutboxStatus.Dead;
        rows[7].LockedUntil = at.AddMinutes(5);
        rows[7].LockToken = Guid.NewGuid();

        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<KernelDbContext>().InsertRowsAsync(rows);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var read = await scope.ServiceProvider.GetRequiredService<KernelDbContext>().OutboxMessages.AsNoTracking()
                .Where(m => m.Type == "test.rows").ToDictionaryAsync(m => m.Id);
            Assert.Equal(rows.Count, read.Count);
            foreach (var row in rows)
            {
                var back = read[row.Id];
                Assert.Equal((row.Type, row.Payload, row.OccurredAt, row.Status, row.Attempts, row.NextAttemptAt, row.LockToken, row.LockedUntil),
                    (back.Type, back.Payload, back.OccurredAt, back.Status, back.Attempts, back.NextAttemptAt, back.LockToken, back.LockedUntil));
            }
        }

        var again = Enumerable.Range(0, 60).Select(i => OutboxMessage.Create("test.rows-again", new { number = i }, at)).ToList();
        again.Add(rows[0]); // a key already stored, in the second statement: the first statement's rows must not stay
        await using (var scope = app.Services.CreateAsyncScope())
            await Assert.ThrowsAnyAsync<Exception>(() => scope.ServiceProvider.GetRequiredService<KernelDbContext>().InsertRowsAsync(again));
        await using (var scope = app.Services.CreateAsyncScope())
            Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<KernelDbContext>().OutboxMessages.CountAsync(m => m.Type == "test.rows-again"));
    }
}
