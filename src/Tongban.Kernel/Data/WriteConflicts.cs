using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Tongban.Kernel.Data;

/// <summary>
/// Two writers racing for the same rows: a row changed under an optimistic update (a concurrency token), the same key
/// inserted twice, or — on PostgreSQL — a deadlock or a serialization failure between two transactions. Nothing of the
/// losing unit of work was saved; it may be run again from a fresh read.
/// </summary>
public static class WriteConflicts
{
    public static bool IsConflict(Exception exception) => exception switch
    {
        DbUpdateConcurrencyException => true,
        DbUpdateException { InnerException: SqliteException { SqliteErrorCode: 19, SqliteExtendedErrorCode: 2067 or 1555 } } => true, // UNIQUE, PRIMARY KEY
        DbUpdateException { InnerException: PostgresException p } => IsPostgresConflict(p),
        PostgresException p => IsPostgresConflict(p), // a raw statement of the unit (a lock taken) lost the deadlock
        _ => false,
    };

    private static bool IsPostgresConflict(PostgresException p) =>
        p.SqlState is PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure;

    /// <summary>
    /// Runs <paramref name="unit"/> (a whole transaction: read, change, save, commit) and runs it again when it lost a race,
    /// up to <paramref name="attempts"/> times with a short random pause that grows with each attempt, so two processes
    /// busy on the same rows (two instances' background workers adding to one day's figures) both get through at once
    /// rather than through a queue's back-off. <paramref name="reset"/> forgets what the lost attempt had tracked.
    /// </summary>
    public static async Task RetryAsync(Func<Task> unit, Action reset, CancellationToken ct, int attempts = 8)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await unit();
                return;
            }
            catch (Exception ex) when (attempt < attempts && IsConflict(ex) && !ct.IsCancellationRequested)
            {
                reset();
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(1, 10 * attempt)), ct);
            }
        }
    }
}
