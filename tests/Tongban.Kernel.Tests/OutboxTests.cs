using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Tongban.Kernel.Data;
using Tongban.Kernel.Outbox;

namespace Tongban.Kernel.Tests;

public sealed class OutboxTests
{
    private sealed record Ping(int Number);

    /// <summary>Counts deliveries per message id across every app instance of one test.</summary>
    private sealed class Recorder
    {
        public ConcurrentDictionary<Guid, int> Deliveries { get; } = new();
        public HashSet<int> FailOn { get; } = [];
    }

    private sealed class PingHandler(Recorder recorder) : IOutboxHandler
    {
        public string MessageType => "test.ping";

        public async Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
        {
            if (recorder.FailOn.Contains(message.Read<Ping>().Number)) throw new InvalidOperationException("receiver is down");
            await Task.Yield();
            recorder.Deliveries.AddOrUpdate(message.Id, 1, (_, n) => n + 1);
        }
    }

    private static TongbanApp App(TestDatabase database, Recorder recorder, TimeProvider? clock = null) => new(database,
        new Dictionary<string, string?> { ["Region:SeedDemoWhenEmpty"] = "false", ["Outbox:BatchSize"] = "7", ["Outbox:MaxAttempts"] = "3" },
        services =>
        {
            services.AddSingleton(recorder);
            services.AddScoped<IOutboxHandler, PingHandler>();
            if (clock is not null) services.AddSingleton(clock);
        });

    private static async Task<List<Guid>> WriteAsync(TongbanApp app, int count)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KernelDbContext>();
        var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        for (var i = 0; i < count; i++) db.Publish("test.ping", new Ping(i), clock.GetUtcNow());
        await db.SaveChangesAsync();
        return await db.OutboxMessages.Where(m => m.Type == "test.ping").Select(m => m.Id).ToListAsync();
    }

    private static async Task<List<OutboxMessage>> MessagesAsync(TongbanApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<KernelDbContext>().OutboxMessages.AsNoTracking().Where(m => m.Type == "test.ping").ToListAsync();
    }

    [Theory]
    [DatabaseLanes]
    public async Task A_message_written_before_a_crash_is_delivered_after_restart(DatabaseLane lane)
    {
        await using var database = await TestDatabase.CreateAsync(lane);
        var recorder = new Recorder();
        List<Guid> written;
        await using (var crashed = App(database, recorder))
        {
            _ = crashed.Server;
            written = await WriteAsync(crashed, 3);
        } // gone before any dispatch

        Assert.Empty(recorder.Deliveries);
        await using var restarted = App(database, recorder);
        _ = restarted.Server;
        await restarted.DrainOutboxAsync();

        Assert.Equal(written.Order(), recorder.Deliveries.Keys.Order());
        Assert.All(await MessagesAsync(restarted), m => Assert.Equal(OutboxStatus.Processed, m.Status));
    }

    [Theory]
    [DatabaseLanes]
    public async Task Two_dispatchers_on_one_database_deliver_each_message_once(DatabaseLane lane)
    {
        await using var database = await TestDatabase.CreateAsync(lane);
        var recorder = new Recorder();
        await using var first = App(database, recorder);
        await using var second = App(database, recorder);
        _ = first.Server;
        _ = second.Server;
        var written = await WriteAsync(first, 120);

        await Task.WhenAll(Enumerable.Range(0, 4).Select(i => Task.Run(async () =>
        {
            var app = i % 2 == 0 ? first : second;
            while (await app.DrainOutboxAsync() > 0) { }
        })));

        Assert.Equal(written.Count, recorder.Deliveries.Count);
        Assert.All(recorder.Deliveries.Values, n => Assert.Equal(1, n));
        Assert.All(await MessagesAsync(first), m => Assert.Equal(OutboxStatus.Processed, m.Status));
    }

    [Theory]
    [DatabaseLanes]
    public async Task A_message_held_by_a_crashed_dispatcher_is_delivered_once_its_lease_ends(DatabaseLane lane)
    {
        await using var database = await TestDatabase.CreateAsync(lane);
        var recorder = new Recorder();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 8, 0, 0, TimeSpan.Zero));
        await using var app = App(database, recorder, clock);
        _ = app.Server;
        await WriteAsync(app, 1);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var until = clock.GetUtcNow().AddMinutes(2);
            await scope.ServiceProvider.GetRequiredService<KernelDbContext>().OutboxMessages
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockToken, Guid.NewGuid()).SetProperty(m => m.LockedUntil, until));
        }

        Assert.Equal(0, await app.DrainOutboxAsync());
        clock.Advance(TimeSpan.FromMinutes(3));
        Assert.Equal(1, await app.DrainOutboxAsync());
        Assert.Single(recorder.Deliveries);
    }

    [Theory]
    [DatabaseLanes]
    public async Task A_failing_message_is_retried_with_back_off_then_dead_lettered(DatabaseLane lane)
    {
        await using var database = await TestDatabase.CreateAsync(lane);
        var recorder = new Recorder();
        recorder.FailOn.Add(1);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 8, 0, 0, TimeSpan.Zero));
        await using var app = App(database, recorder, clock);
        _ = app.Server;
        await WriteAsync(app, 2);

        await app.DrainOutboxAsync();
        var failing = (await MessagesAsync(app)).Single(m => m.Read<Ping>().Number == 1);
        Assert.Equal((OutboxStatus.Pending, 1), (failing.Status, failing.Attempts));
        Assert.Equal(clock.GetUtcNow().AddSeconds(2), failing.NextAttemptAt);
        Assert.Equal(0, await app.DrainOutboxAsync()); // not due yet

        clock.Advance(TimeSpan.FromSeconds(2));
        await app.DrainOutboxAsync();
        clock.Advance(TimeSpan.FromSeconds(4));
        await app.DrainOutboxAsync();

        failing = (await MessagesAsync(app)).Single(m => m.Read<Ping>().Number == 1);
        Assert.Equal((OutboxStatus.Dead, 3), (failing.Status, failing.Attempts));
        Assert.Contains("receiver is down", failing.LastError, StringComparison.Ordinal);
        Assert.Single(recorder.Deliveries); // the healthy message went through the first time
    }
}
