using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Tongban.Kernel.Hosting;

namespace Tongban.Kernel.Data;

/// <summary>
/// Copies SQLite's write-ahead log into the database file five times a second, in the background: a PASSIVE
/// checkpoint, which neither waits for nor blocks a reader or a writer. Otherwise the connection whose commit takes
/// the log past SQLite's threshold does the copy, and two disk syncs (4–10 ms each on a virtual disk), before its
/// commit returns; under load that connection is the registries' access log, and every look-up waiting for its
/// batch waits for the checkpoint too — the tail of the exchange's latency. Under a steady stream of writes the log
/// still grows, since SQLite starts it afresh only when a write finds all of it copied; SQLite's own automatic
/// checkpoint then checkpoints and restarts it in a committing connection, at
/// <see cref="DatabaseOptions.SqliteAutoCheckpointPages"/> (high in the web host so that happens rarely, docs/operations.md),
/// and a process without this worker (the CLI) relies on it alone. Registered only when the provider is SQLite.
/// </summary>
internal sealed class SqliteCheckpointer(IServiceProvider services, TimeProvider clock, ILogger<SqliteCheckpointer> logger)
    : PeriodicWorker(clock, logger)
{
    private readonly Lazy<string> _connectionString = new(() => ConnectionStrings.Sqlite(services));

    protected override TimeSpan Interval => TimeSpan.FromMilliseconds(200);

    protected override Task RunOnceAsync(CancellationToken cancellationToken) => CheckpointAsync(cancellationToken);

    /// <summary>
    /// One checkpoint, on a thread of its own: SQLite copies and syncs synchronously (Microsoft.Data.Sqlite's async
    /// calls run inline), and a thread-pool thread held in a disk sync five times a second is one of the two workers a
    /// 2-core machine starts with — the requests queued behind it were the tail of every SQLite latency.
    /// </summary>
    /// <returns>The pages in the log and how many of them are now in the database file.</returns>
    public Task<(long LogPages, long CheckpointedPages)> CheckpointAsync(CancellationToken cancellationToken) =>
        Task.Factory.StartNew(() => Checkpoint(cancellationToken), cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private (long LogPages, long CheckpointedPages) Checkpoint(CancellationToken cancellationToken)
    {
        using var connection = new SqliteConnection(_connectionString.Value);
        connection.Open();
        cancellationToken.ThrowIfCancellationRequested();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(PASSIVE)";
        using var reader = command.ExecuteReader();
        reader.Read();
        return (reader.GetInt64(1), reader.GetInt64(2));
    }
}
