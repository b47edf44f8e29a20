using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Tongban.Kernel.PersonalData;

namespace Tongban.Kernel.Data;

/// <summary>
/// Applies every module's migrations; the schema is only ever created this way. It reads the personal-data key first, so
/// an instance without its key file refuses to start before it touches anything, and after a module's migrations it
/// seals the personal data they left in clear (rows written before their column was sealed).
/// </summary>
public sealed class DatabaseMigrator(IServiceScopeFactory scopes, IEnumerable<ModuleDatabase> databases, PersonalDataKeyStore personalDataKeys, ILogger<DatabaseMigrator> logger)
{
    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken)
    {
        _ = personalDataKeys.Ring;
        var applied = new List<string>();
        await using var scope = scopes.CreateAsyncScope();
        foreach (var database in databases)
        {
            var db = (DbContext)scope.ServiceProvider.GetRequiredService(database.ContextType);
            if (db.Database.IsSqlite()) await UseWriteAheadLogAsync(db, cancellationToken);
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            if (pending.Count == 0) continue;
            await db.Database.MigrateAsync(cancellationToken);
            logger.LogInformation("Applied {Count} migration(s) to module {Module}", pending.Count, database.Module);
            if (await PersonalDataResealer.ResealAsync(db, 1000, cancellationToken) is > 0 and var sealedCount)
                logger.LogInformation("Sealed {Count} personal-data value(s) of module {Module}", sealedCount, database.Module);
            applied.AddRange(pending.Select(p => $"{database.Module}: {p}"));
        }
        return applied;
    }

    /// <summary>Pending migrations per module; empty when the schema is current.</summary>
    public async Task<IReadOnlyList<string>> PendingAsync(CancellationToken cancellationToken)
    {
        var pending = new List<string>();
        await using var scope = scopes.CreateAsyncScope();
        foreach (var database in databases)
        {
            var db = (DbContext)scope.ServiceProvider.GetRequiredService(database.ContextType);
            pending.AddRange((await db.Database.GetPendingMigrationsAsync(cancellationToken)).Select(p => $"{database.Module}: {p}"));
        }
        return pending;
    }

    private static async Task UseWriteAheadLogAsync(DbContext db, CancellationToken ct)
    {
        // WAL lets readers go on while one writer commits; the setting is stored in the file.
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode=WAL;";
            await command.ExecuteNonQueryAsync(ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
