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

    /// <summary>Copies the template's data directory (the SQLite database with it) into <paramref name="target"/>.</summary>
    public static void CopyFiles(TestDatabase template, string target)
    {
        foreach (var directory in Directory.EnumerateDirectories(template.DataDirectory, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(Path.Combine(target, Path.GetRelativePath(template.DataDirectory, directory)));
        foreach (var file in Directory.EnumerateFiles(template.DataDirectory, "*", SearchOption.AllDirectories))
            File.Copy(file, Path.Combine(target, Path.GetRelativePath(template.DataDirectory, file)));
    }
}
