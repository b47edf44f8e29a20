using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Kernel.Audit;
using Tongban.Kernel.Audit.Checkpoints;
using Tongban.Kernel.Data;
using Tongban.Kernel.Outbox;

namespace Tongban.Kernel.Tests.Checkpoints;

/// <summary>An app over a fresh database with an audit chain to append to, sign, forge and verify.</summary>
internal sealed class AuditLog(TongbanApp app, TestDatabase database) : IAsyncDisposable
{
    private int _appended;

    public TongbanApp App => app;
    public TestDatabase Database => database;

    public static async Task<AuditLog> StartAsync(DatabaseLane lane, IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        var database = await TestDatabase.CreateAsync(lane);
        var all = new Dictionary<string, string?> { ["Region:SeedDemoWhenEmpty"] = "false" };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) all[key] = value;
        var app = new TongbanApp(database, all, services);
        _ = app.Server;
        return new AuditLog(app, database);
    }

    /// <summary>A second instance of the platform on the same database (and key directory).</summary>
    public TongbanApp SecondInstance() => new(database, new Dictionary<string, string?> { ["Region:SeedDemoWhenEmpty"] = "false" });

    public async Task AppendAsync(int count)
    {
        await WithKernelAsync(async db =>
        {
            for (var i = 0; i < count; i++)
            {
                db.Audit(new AuditRecord("tester", $"test.action.{++_appended}", "110105********002X", $"step {_appended}", DateTimeOffset.UtcNow));
                await db.SaveChangesAsync();
            }
            return 0;
        });
        await app.DrainOutboxAsync();
    }

    /// <summary>Signs the audit chain's head now; returns its checkpoint.</summary>
    public async Task<ChainCheckpoint> SignAsync() =>
        (await app.Services.GetRequiredService<CheckpointSigner>().SignDueAsync(force: true, CancellationToken.None)).Single(c => c.Chain == AuditChain.Name);

    public Task<AuditVerification> VerifyAsync(CheckpointSources? sources = null) =>
        WithScopeAsync(sp => sp.GetRequiredService<ChainVerifier>().VerifyAsync(AuditChain.Name, sources ?? CheckpointSources.Default, CancellationToken.None));

    /// <summary>Changes the entry's details and recomputes every later hash and the head, in the database.</summary>
    public Task RewriteAsync(long sequence, string details) => WithKernelAsync(async db =>
    {
        await ChainForgery.RewriteAsync<AuditEntry, AuditHead>(db, sequence, e => e.Set(nameof(AuditEntry.Details), details));
        return 0;
    });

    public Task<T> WithKernelAsync<T>(Func<KernelDbContext, Task<T>> work) => WithScopeAsync(sp => work(sp.GetRequiredService<KernelDbContext>()));

    public async Task<T> WithScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    public Task<int> CountCheckpointsAsync() => WithKernelAsync(db => db.Checkpoints.CountAsync());

    public async ValueTask DisposeAsync()
    {
        await app.DisposeAsync();
        await database.DisposeAsync();
    }
}
