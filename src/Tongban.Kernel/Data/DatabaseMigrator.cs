using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Tongban.Kernel.Data;

/// <summary>Applies every module's migrations; the schema is only ever created this way.</summary>
public sealed class DatabaseMigrator(IServiceScopeFactory scopes, IEnumerable<ModuleDatabase> databases, ILogger<DatabaseMigrator> logger)
{
    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken)
    {
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
