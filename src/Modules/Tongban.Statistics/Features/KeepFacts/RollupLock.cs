using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Tongban.Statistics.Data;

namespace Tongban.Statistics.Features.KeepFacts;

/// <summary>
/// Keeps a rebuild and the live handlers apart, across processes (the CLI's rebuild beside a running host): a rebuild sums
/// the facts and then rewrites the days, and an event applied in between would be lost. Each live event takes the lock
/// shared for its own transaction; a rebuild takes it alone for its one transaction, so events wait while it runs (seconds
/// for a day of 100,000 cases) and then add to the rewritten rows. On PostgreSQL a transaction advisory lock; SQLite has
/// one writer, and a transaction begun here takes the write lock at once (<c>BEGIN IMMEDIATE</c>), before anything is read.
/// </summary>
internal static class RollupLock
{
    private const string Key = "8319365050174043504"; // 0x7374526F6C6C7570, "stRollup"

    public static Task<IDbContextTransaction> SharedAsync(StatisticsDbContext db, CancellationToken ct) =>
        BeginAsync(db, "SELECT pg_advisory_xact_lock_shared(" + Key + ")", ct);

    public static Task<IDbContextTransaction> ExclusiveAsync(StatisticsDbContext db, CancellationToken ct) =>
        BeginAsync(db, "SELECT pg_advisory_xact_lock(" + Key + ")", ct);

    private static async Task<IDbContextTransaction> BeginAsync(StatisticsDbContext db, string lockSql, CancellationToken ct)
    {
        var transaction = await db.Database.BeginTransactionAsync(ct);
        if (db.Database.IsNpgsql()) await db.Database.ExecuteSqlRawAsync(lockSql, ct);
        return transaction;
    }
}
