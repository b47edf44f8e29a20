using System.Data.Common;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Kernel.Data;
using Tongban.Licenses.Data;
using Tongban.Licenses.Domain;

namespace Tongban.Licenses.Features.VerifyLicense;

/// <summary>
/// The licenses' use log (用证记录). A use waits until its entry is committed, so no answer leaves without it; uses
/// arriving together are committed together (the kernel's group commit), one transaction per batch, so verifying at
/// thousands a second costs a commit per batch, not per call.
/// </summary>
internal sealed class UseLog(IServiceScopeFactory scopes) : IAsyncDisposable
{
    private const int MaxBatch = 500;
    private readonly GroupCommit<LicenseUse, Writer> _commits = new(() => Writer.OpenAsync(scopes), (writer, batch) => writer.WriteAsync(batch), MaxBatch);

    public Task RecordAsync(LicenseUse use, CancellationToken cancellationToken) => _commits.WriteAsync(use, cancellationToken);

    public ValueTask DisposeAsync() => _commits.DisposeAsync();

    /// <summary>
    /// The log's writer: a held connection with its whole-row INSERT prepared once from the EF model (kernel
    /// <see cref="HeldConnection{TContext}"/>, <see cref="StoreTable"/>), as the registries' access log writes: an
    /// append-only log needs no change tracking, and a batch pays for binding and running, not for parsing.
    /// </summary>
    private sealed class Writer : IAsyncDisposable
    {
        private readonly HeldConnection<LicensesDbContext> _held;
        private readonly StoreTable _uses;
        private readonly DbCommand _insert;

        private Writer(HeldConnection<LicensesDbContext> held)
        {
            _held = held;
            _uses = StoreTable.Of<LicenseUse>(held.Db.Model);
            _insert = held.Command(_uses.InsertSql(), _uses.Properties);
        }

        public static async Task<Writer> OpenAsync(IServiceScopeFactory scopes) => new(await HeldConnection.OpenAsync<LicensesDbContext>(scopes));

        public async Task WriteAsync(List<LicenseUse> batch)
        {
            await using var transaction = await _held.Connection.BeginTransactionAsync();
            await _held.RunAsync(_insert, transaction, [.. batch.Select(u => _uses.Row(u))]);
            await transaction.CommitAsync();
        }

        public async ValueTask DisposeAsync()
        {
            await _insert.DisposeAsync();
            await _held.DisposeAsync();
        }
    }
}
