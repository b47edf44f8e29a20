using Microsoft.Extensions.Configuration;

namespace Tongban.Kernel.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Section <c>Database</c>. SQLite in <c>Storage:DataDirectory</c> unless told otherwise.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>The options as configured, for registration time (before options can be resolved).</summary>
    public static DatabaseOptions From(IConfiguration configuration) => configuration.GetSection(Section).Get<DatabaseOptions>() ?? new DatabaseOptions();

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>For PostgreSQL; for SQLite, overrides the file in the data directory when set.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Apply pending migrations when the host starts (one box); off when a deploy step runs <c>tongban db migrate</c>.</summary>
    public bool MigrateOnStartup { get; set; } = true;

    /// <summary>
    /// SQLite only: the write-ahead log's size, in pages, at which a committing connection checkpoints it itself
    /// (<c>wal_autocheckpoint</c>). 10,000 (40 MB) by default, for the CLI's bulk writes. The web host sets 100,000 in its
    /// appsettings.json: there <see cref="SqliteCheckpointer"/> copies the log in the background, and SQLite restarts the
    /// log only after a checkpoint in a committing connection — with a sync of the log's header inside that commit —
    /// so the threshold sets how often a request's commit pays for it (docs/operations.md).
    /// </summary>
    public int SqliteAutoCheckpointPages { get; set; } = 10_000;
}

/// <summary>Section <c>Storage</c>.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    public string DataDirectory { get; set; } = "./data";
}
