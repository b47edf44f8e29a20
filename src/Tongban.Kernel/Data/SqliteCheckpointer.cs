using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Tongban.Kernel.Hosting;

namespace Tongban.Kernel.Data;

/// <summary>
/// Copies SQLite's write-ahead log into the database file every second, in the background (a PASSIVE checkpoint: it
/// neither waits for nor blocks a reader or a writer). Otherwise the connection whose commit takes the log past
/// 1,000 pages does that copy, and syncs the disk, before its commit returns: tens of milliseconds on a virtual disk,
/// paid by one request and by every read waiting on the same access-log commit. SQLite's own automatic checkpoint
/// stays on as the safety net; it finds the pages already copied. Registered only when the provider is SQLite.
/// </summary>
internal sealed class SqliteCheckpointer(IServiceProvider services, TimeProvider clock, ILogger<SqliteCheckpointer> logger)
    : PeriodicWorker(clock, logger)
{
    protected override TimeSpan Interval => TimeSpan.FromSeconds(1);

    protected override Task RunOnceAsync(CancellationToken cancellationToken) => CheckpointAsync(cancellationToken);

    /// <returns>The pages in the log and how many of them are now in the database file.</returns>
    public async Task<(long LogPages, long CheckpointedPages)> CheckpointAsync(CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(ConnectionStrings.Sqlite(services));
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(PASSIVE)";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (reader.GetInt64(1), reader.GetInt64(2));
    }
}
