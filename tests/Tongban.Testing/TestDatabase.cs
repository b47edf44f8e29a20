using Npgsql;

namespace Tongban.Testing;

/// <summary>
/// A database of its own for one test fixture: a fresh SQLite file in a temporary directory, or a fresh
/// PostgreSQL database on the lane's server, empty or with the demo region in. Dropped again on dispose.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string? _postgresName;
    private readonly bool _kept;

    private TestDatabase(DatabaseLane lane, string dataDirectory, string? connectionString, string? postgresName, bool kept = false)
    {
        _kept = kept;
        Lane = lane;
        DataDirectory = dataDirectory;
        ConnectionString = connectionString;
        _postgresName = postgresName;
    }

    public DatabaseLane Lane { get; }
    public string DataDirectory { get; }
    public string? ConnectionString { get; }

    public IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Storage:DataDirectory"] = DataDirectory,
        ["Database:Provider"] = Lane == DatabaseLane.Postgres ? "Postgres" : "Sqlite",
        ["Database:ConnectionString"] = ConnectionString,
    };

    /// <summary>An empty database: the host migrates it and loads the demo region when it starts.</summary>
    public static Task<TestDatabase> CreateAsync(DatabaseLane lane) => CreateAsync(lane, template: null);

    /// <summary>
    /// A database with the migrations and the demo region already in, as a host with <see cref="TongbanApp"/>'s
    /// settings leaves it after its first start: a copy of <see cref="DemoRegionTemplate"/>. For fixtures whose settings
    /// and services do not change what is seeded.
    /// </summary>
    public static async Task<TestDatabase> CreateWithDemoRegionAsync(DatabaseLane lane)
    {
        Lanes.Require(lane);
        var template = await DemoRegionTemplate.ForAsync(lane);
        var database = await CreateAsync(lane, template);
        DemoRegionTemplate.CopyFiles(template, database.DataDirectory);
        return database;
    }

    private static Task<TestDatabase> CreateAsync(DatabaseLane lane, TestDatabase? template) =>
        CreateAsync(lane, template, Directory.CreateTempSubdirectory("tongban-test-").FullName, $"tongban_test_{Guid.NewGuid():N}");

    /// <summary>A database in <paramref name="directory"/> (and, on PostgreSQL, named <paramref name="name"/>), empty or copied from <paramref name="template"/>.</summary>
    internal static async Task<TestDatabase> CreateAsync(DatabaseLane lane, TestDatabase? template, string directory, string name)
    {
        Lanes.Require(lane);
        if (lane == DatabaseLane.Sqlite) return new TestDatabase(lane, directory, null, null);

        await using (var admin = new NpgsqlConnection(Lanes.PostgresServer))
        {
            await admin.OpenAsync();
            var copy = template is null ? "" : $" TEMPLATE \"{template._postgresName}\"";
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"{copy}", admin);
            await create.ExecuteNonQueryAsync();
        }
        var builder = new NpgsqlConnectionStringBuilder(Lanes.PostgresServer) { Database = name };
        return new TestDatabase(lane, directory, builder.ConnectionString, name);
    }

    /// <summary>A database made earlier, by this process or another, that is kept: a template (<see cref="DemoRegionTemplate"/>).</summary>
    internal static TestDatabase Existing(DatabaseLane lane, string directory, string? name) =>
        new(lane, directory, name is null ? null : new NpgsqlConnectionStringBuilder(Lanes.PostgresServer) { Database = name }.ConnectionString, name, kept: true);

    /// <summary>Whether the lane's PostgreSQL server has a database of this name.</summary>
    internal static async Task<bool> ExistsAsync(string name)
    {
        await using var admin = new NpgsqlConnection(Lanes.PostgresServer);
        await admin.OpenAsync();
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", admin);
        exists.Parameters.AddWithValue("name", name);
        return await exists.ExecuteScalarAsync() is not null;
    }

    /// <summary>Drops a database of the lane's PostgreSQL server, connections and all.</summary>
    internal static async Task DropAsync(string name)
    {
        await using var admin = new NpgsqlConnection(Lanes.PostgresServer);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_kept) return;
        if (_postgresName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await DropAsync(_postgresName);
        }
        try
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open on some platforms; the temp directory is cleaned by the OS.
        }
    }
}
