using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
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

        async Task<(long BusyTimeout, long Synchronous)> OpenAndReadAsync(Func<SqliteConnection, Task>? alsoDo = null)
        {
            using var scope = app.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<KernelDbContext>();
            await db.Database.OpenConnectionAsync();
            var connection = (SqliteConnection)db.Database.GetDbConnection();
            var result = (await ScalarAsync(connection, "PRAGMA busy_timeout"), await ScalarAsync(connection, "PRAGMA synchronous"));
            if (alsoDo is not null) await alsoDo(connection);
            await db.Database.CloseConnectionAsync();
            return result;
        }

        Assert.Equal((30000L, 1L), await OpenAndReadAsync()); // synchronous = NORMAL (1)
        // Change the pooled handle behind EF's back: a later open of the same handle does not run the settings again.
        await OpenAndReadAsync(c => ScalarAsync(c, "PRAGMA busy_timeout = 5"));
        Assert.Equal((5L, 1L), await OpenAndReadAsync());
        // A new handle (the pool emptied) gets them afresh.
        SqliteConnection.ClearAllPools();
        Assert.Equal((30000L, 1L), await OpenAndReadAsync());
    }

    private static async Task<long> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
