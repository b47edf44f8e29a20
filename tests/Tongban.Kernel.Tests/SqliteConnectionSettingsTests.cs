using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Tongban.Kernel.Data;

namespace Tongban.Kernel.Tests;

public sealed class SqliteConnectionSettingsTests
{
    [Fact]
    public async Task A_connection_handle_gets_the_settings_on_its_first_open_and_keeps_them_through_the_pool()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseLane.Sqlite);
        await using var app = new TongbanApp(database, new Dictionary<string, string?> { ["Region:SeedDemoWhenEmpty"] = "false" });
        _ = app.Services; // starts the host: migrations ran

        async Task<(long BusyTimeout, long Synchronous, long AutoCheckpoint)> OpenAndReadAsync(Func<SqliteConnection, Task>? alsoDo = null)
        {
            using var scope = app.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<KernelDbContext>();
            await db.Database.OpenConnectionAsync();
            var connection = (SqliteConnection)db.Database.GetDbConnection();
            var result = (await ScalarAsync(connection, "PRAGMA busy_timeout"), await ScalarAsync(connection, "PRAGMA synchronous"),
                await ScalarAsync(connection, "PRAGMA wal_autocheckpoint"));
            if (alsoDo is not null) await alsoDo(connection);
            await db.Database.CloseConnectionAsync();
            return result;
        }

        // synchronous = NORMAL (1); the web host's automatic checkpoint threshold (appsettings.json), not the default 10,000.
        Assert.Equal((30000L, 1L, 100000L), await OpenAndReadAsync());
        // Change the pooled handle behind EF's back: a later open of the same handle does not run the settings again.
        await OpenAndReadAsync(c => ScalarAsync(c, "PRAGMA busy_timeout = 5"));
        Assert.Equal((5L, 1L, 100000L), await OpenAndReadAsync());
        // A new handle (the pool emptied) gets them afresh.
        SqliteConnection.ClearAllPools();
        Assert.Equal((30000L, 1L, 100000L), await OpenAndReadAsync());
    }

    [Fact]
    public async Task The_checkpointer_runs_with_the_instance_and_copies_the_whole_log_into_the_database_file()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseLane.Sqlite);
        await using var app = new TongbanApp(database, new Dictionary<string, string?> { ["Region:SeedDemoWhenEmpty"] = "false" });
        var checkpointer = app.Services.GetRequiredService<SqliteCheckpointer>();
        Assert.Contains(app.Services.GetServices<IHostedService>(), s => ReferenceEquals(s, checkpointer));
        string file;
        long free;
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<KernelDbContext>();
            file = ((SqliteConnection)db.Database.GetDbConnection()).DataSource;
            await db.Database.ExecuteSqlRawAsync("CREATE TABLE IF NOT EXISTS t_checkpoint (v BLOB)");
            // Pages the instance's workers freed (the outbox's delivered messages) are used again before the file grows.
            await db.Database.OpenConnectionAsync();
            var connection = (SqliteConnection)db.Database.GetDbConnection();
            free = await ScalarAsync(connection, "PRAGMA freelist_count") * await ScalarAsync(connection, "PRAGMA page_size");
            await db.Database.CloseConnectionAsync();
        }
        var length = new FileInfo(file).Length;
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<KernelDbContext>();
            for (var i = 0; i < 20; i++) await db.Database.ExecuteSqlRawAsync("INSERT INTO t_checkpoint VALUES (randomblob(4000))");
        }
        Assert.True(new FileInfo(file).Length < length + 20 * 4000, "the writes went to the log, not yet to the database file");

        // The instance's other workers may read or write meanwhile (a reader's snapshot holds pages back for a moment),
        // and on a busy machine the instance's own checkpointer may have copied the log already: the file says which.
        var (log, checkpointed) = await checkpointer.CheckpointAsync(CancellationToken.None);
        for (var i = 0; i < 100 && checkpointed < log; i++)
        {
            await Task.Delay(100);
            (log, checkpointed) = await checkpointer.CheckpointAsync(CancellationToken.None);
        }

        Assert.Equal(log, checkpointed);
        Assert.True(new FileInfo(file).Length >= length - free + 20 * 4000, "the log's pages are in the database file");
    }

    private static async Task<long> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
