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

    /// <returns>The pages in the log and how many of them are now in the database file.</returns>
    public async Task<(long LogPages, long CheckpointedPages)> CheckpointAsync(CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(_connectionString.Value);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(PASSIVE)";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (reader.GetInt64(1), reader.GetInt64(2));
    }
}
