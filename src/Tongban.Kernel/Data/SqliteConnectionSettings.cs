using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Tongban.Kernel.Data;

/// <summary>
/// Settings every SQLite connection gets when it opens. <c>synchronous = NORMAL</c> is the setting SQLite
/// recommends with its write-ahead log: a commit is durable against a crash of the process and the database is
/// never left half-written, but a power loss may undo the last transactions, because the log is synced at
/// checkpoints rather than at every commit. With FULL, every commit waits for the disk (milliseconds each on
/// virtual disks), which caps any write-heavy path — the registries' access log commits with every read. A
/// deployment that cannot accept that trade runs on PostgreSQL (docs/operations.md).
/// <c>busy_timeout</c> lets SQLite itself wait for the writer's lock, in steps of a millisecond or two; without it
/// Microsoft.Data.Sqlite retries a busy statement every 150 ms, so concurrent writers (token grants, submissions)
/// waited a seventh of a second for a lock held for a fraction of a millisecond.
/// <c>wal_autocheckpoint</c> (<see cref="DatabaseOptions.SqliteAutoCheckpointPages"/>: 10,000 pages by default, 100,000 in
/// the web host) leaves checkpoints to <see cref="SqliteCheckpointer"/> in a running instance; SQLite's own remains the
/// safety net and is what the CLI's bulk writes use.
/// All three settings belong to SQLite's connection handle, which the connection pool keeps between opens: they are set on
/// a handle's first open only, not again with every request's query.
/// </summary>
internal sealed class SqliteConnectionSettings(int autoCheckpointPages) : DbConnectionInterceptor
{
    private readonly string _pragmas = $"PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 30000; PRAGMA wal_autocheckpoint = {autoCheckpointPages};";

    private static readonly ConditionalWeakTable<object, object> Configured = new();
    private static readonly object Marker = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (IsConfigured(connection)) return;
        using var command = connection.CreateCommand();
        command.CommandText = _pragmas;
        command.ExecuteNonQuery();
        MarkConfigured(connection);
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (IsConfigured(connection)) return;
        await using var command = connection.CreateCommand();
        command.CommandText = _pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
        MarkConfigured(connection);
    }

    // The pool hands a handle to one connection at a time, so checking and marking need no lock between them.
    private static bool IsConfigured(DbConnection connection) =>
        connection is SqliteConnection { Handle: { } handle } && Configured.TryGetValue(handle, out _);

    private static void MarkConfigured(DbConnection connection)
    {
        if (connection is SqliteConnection { Handle: { } handle }) Configured.AddOrUpdate(handle, Marker);
    }
}
