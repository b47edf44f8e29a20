using Microsoft.Extensions.DependencyInjection;
using Tongban.Kernel.Data;
using Tongban.Licenses.Data;
using Tongban.Licenses.Domain;

namespace Tongban.Licenses.Features.VerifyLicense;

/// <summary>
/// The licenses' use log (用证记录). A use waits until its entry is committed, so no answer leaves without it; uses
/// arriving together are committed together (the kernel's group commit), one transaction per batch, so verifying at
/// thousands a second costs a commit per batch, not per call. A batch is appended with the kernel's model-built
/// multi-row inserts (<see cref="RowInserts"/>): an append-only log needs no change tracking.
/// </summary>
internal sealed class UseLog(IServiceScopeFactory scopes) : IAsyncDisposable
{
    private const int MaxBatch = 500;
    private readonly GroupCommit<LicenseUse, Writer> _commits = new(() => Task.FromResult(new Writer(scopes)), (writer, batch) => writer.WriteAsync(batch), MaxBatch);

    public Task RecordAsync(LicenseUse use, CancellationToken cancellationToken) => _commits.WriteAsync(use, cancellationToken);

    public ValueTask DisposeAsync() => _commits.DisposeAsync();

    /// <summary>A context of its own per batch.</summary>
    private sealed class Writer(IServiceScopeFactory scopes) : IAsyncDisposable
    {
        public async Task WriteAsync(List<LicenseUse> batch)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<LicensesDbContext>();
            await db.InsertRowsAsync(batch);
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
