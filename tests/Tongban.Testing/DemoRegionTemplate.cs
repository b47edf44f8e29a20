using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using Npgsql;
using Tongban.Kernel.Seeding;

namespace Tongban.Testing;

/// <summary>
/// One database per build and lane with every module's migrations and the demo region already in, made by starting the
/// host once on it (<see cref="TongbanApp"/>'s own settings). <see cref="TestDatabase.CreateWithDemoRegionAsync"/>
/// copies it: a file copy for SQLite, <c>CREATE DATABASE … TEMPLATE</c> for PostgreSQL, and the data directory (keys,
/// checkpoint file) beside it — instead of migrating and seeding again for every fixture, which cost ~7 s each.
/// The template is shared by the test processes of a run (each test project is a process of its own; making it in each
/// cost 34 host starts a run): it lives in the temp directory under a fingerprint of what makes it — the product's
/// assemblies, the test host's settings (Tongban.Testing), the region pack and the web host's settings files — and the
/// first process to need it makes it while holding a file lock the others wait on. A template of another build is
/// removed a day after it was made.
/// </summary>
internal static class DemoRegionTemplate
{
    private static readonly ConcurrentDictionary<DatabaseLane, Lazy<Task<TestDatabase>>> Templates = new();
    private static readonly string Root = Path.Combine(Path.GetTempPath(), "tongban-templates");

    public static Task<TestDatabase> ForAsync(DatabaseLane lane) =>
        Templates.GetOrAdd(lane, l => new Lazy<Task<TestDatabase>>(() => PrepareAsync(l))).Value;

    private static async Task<TestDatabase> PrepareAsync(DatabaseLane lane)
    {
        var key = Fingerprint();
        var directory = Path.Combine(Root, $"{key}-{lane.ToString().ToLowerInvariant()}"); // and beside it, .ready and .lock
        var name = lane == DatabaseLane.Postgres ? $"tongban_template_{key}" : null;
        var ready = directory + ".ready";
        Directory.CreateDirectory(Root);
        using var held = await LockAsync(directory + ".lock");
        if (File.Exists(ready) && Directory.Exists(directory) && (name is null || await TestDatabase.ExistsAsync(name)))
            return TestDatabase.Existing(lane, directory, name);

        File.Delete(ready);
        if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
        Directory.CreateDirectory(directory);
        if (name is not null) await TestDatabase.DropAsync(name); // left by a run that stopped half-way, or of a server's earlier life
        var template = await TestDatabase.CreateAsync(lane, null, directory, name ?? "");
        await using (var app = new TongbanApp(template)) _ = app.Server;
        // The host is gone; no connection may stay open on the template (PostgreSQL refuses to copy a database in
        // use, and a SQLite file is copied whole).
        NpgsqlConnection.ClearAllPools();
        SqliteConnection.ClearAllPools();
        await File.WriteAllTextAsync(ready, DateTimeOffset.UtcNow.ToString("O"));
        await PruneAsync(key);
        return TestDatabase.Existing(lane, directory, name);
    }

    /// <summary>What the template is made of, hashed: 16 hex digits.</summary>
    private static string Fingerprint()
    {
        var files = Directory.EnumerateFiles(AppContext.BaseDirectory, "Tongban.*.dll")
            .Where(f => !Path.GetFileName(f).EndsWith(".Tests.dll", StringComparison.Ordinal) && Path.GetFileName(f) is not ("Tongban.EndToEnd.dll" or "Tongban.ArchitectureTests.dll"))
            .Select(f => (Name: Path.GetFileName(f), Path: f));
        var pack = RegionPack.Locate("tieling").Directory;
        files = files.Concat(Directory.EnumerateFiles(Path.GetDirectoryName(pack)!, "*", SearchOption.AllDirectories)
            .Select(f => (Name: "regions/" + Path.GetRelativePath(Path.GetDirectoryName(pack)!, f), Path: f)));
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var web = Path.Combine(dir.FullName, "src", "Tongban.Web");
            if (!Directory.Exists(web)) continue;
            files = files.Concat(Directory.EnumerateFiles(web, "appsettings*.json").Select(f => (Name: "web/" + Path.GetFileName(f), Path: f)));
            break;
        }
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (fileName, path) in files.OrderBy(f => f.Name, StringComparer.Ordinal))
        {
            hash.AppendData(Encoding.UTF8.GetBytes(fileName.Replace('\\', '/') + "\n"));
            hash.AppendData(File.ReadAllBytes(path));
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset())[..16];
    }

    /// <summary>An exclusive lock on a file, shared with the other test processes (the OS drops it if a process dies).</summary>
    private static async Task<FileStream> LockAsync(string path)
    {
        for (var waited = TimeSpan.Zero; ; waited += TimeSpan.FromMilliseconds(200))
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (waited < TimeSpan.FromMinutes(5))
            {
                await Task.Delay(200);
            }
        }
    }

    /// <summary>Removes the templates of other builds made more than a day ago (their files, and databases on this server).</summary>
    private static async Task PruneAsync(string current)
    {
        foreach (var marker in Directory.EnumerateFiles(Root, "*.ready"))
        {
            var stem = Path.GetFileNameWithoutExtension(marker);
            if (stem.StartsWith(current, StringComparison.Ordinal) || File.GetLastWriteTimeUtc(marker) > DateTime.UtcNow.AddDays(-1)) continue;
            try
            {
                File.Delete(marker);
                var directory = Path.Combine(Root, stem);
                if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
                if (stem.EndsWith("-postgres", StringComparison.Ordinal) && Lanes.PostgresServer is not null)
                    await TestDatabase.DropAsync($"tongban_template_{stem[..^"-postgres".Length]}");
            }
            catch (IOException)
            {
                // another process is pruning the same template
            }
        }
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
