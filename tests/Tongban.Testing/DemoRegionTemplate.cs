using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Tongban.Testing;

/// <summary>
/// One database per test process and lane with every module's migrations and the demo region already in, made by
/// starting the host once on it (<see cref="TongbanApp"/>'s own settings). <see cref="TestDatabase.CreateWithDemoRegionAsync"/>
/// copies it: a file copy for SQLite, <c>CREATE DATABASE … TEMPLATE</c> for PostgreSQL, and the data directory (keys,
/// checkpoint file) beside it — instead of migrating and seeding again for every fixture, which cost ~7 s each.
/// Dropped when the process exits.
/// </summary>
internal static class DemoRegionTemplate
{
    private static readonly ConcurrentDictionary<DatabaseLane, Lazy<Task<TestDatabase>>> Templates = new();

    public static Task<TestDatabase> ForAsync(DatabaseLane lane) =>
        Templates.GetOrAdd(lane, l => new Lazy<Task<TestDatabase>>(() => PrepareAsync(l))).Value;

    private static async Task<TestDatabase> PrepareAsync(DatabaseLane lane)
    {
        var template = await TestDatabase.CreateAsync(lane);
        try
        {
            await using (var app = new TongbanApp(template)) _ = app.Server;
        }
        catch
        {
            await template.DisposeAsync();
            throw;
        }
        // The host is gone; no connection may stay open on the template (PostgreSQL refuses to copy a database in
        // use, and a SQLite file is copied whole).
        NpgsqlConnection.ClearAllPools();
        SqliteConnection.ClearAllPools();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => template.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return template;
    }

    /// <summary>
    /// Copies the template's data directory (the SQLite database with it) into <paramref name="target"/>. The WAL's
    /// shared-memory index (<c>-shm</c>) is not copied: SQLite rebuilds it on open, and it vanishes when the last
    /// connection closes (a CI run failed on it). A file that vanished while copying (the WAL, checkpointed into the
    /// database at that moment) means the copy may be of two states, so it starts again.
    /// </summary>
    public static void CopyFiles(TestDatabase template, string target)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                foreach (var directory in Directory.EnumerateDirectories(template.DataDirectory, "*", SearchOption.AllDirectories))
                    Directory.CreateDirectory(Path.Combine(target, Path.GetRelativePath(template.DataDirectory, directory)));
                foreach (var file in Directory.EnumerateFiles(template.DataDirectory, "*", SearchOption.AllDirectories).Where(f => !f.EndsWith("-shm", StringComparison.Ordinal)))
                    File.Copy(file, Path.Combine(target, Path.GetRelativePath(template.DataDirectory, file)), overwrite: true);
                return;
            }
            catch (FileNotFoundException) when (attempt < 3)
            {
                foreach (var stale in Directory.EnumerateFiles(target, "*-wal", SearchOption.AllDirectories)) File.Delete(stale);
            }
        }
    }
}
