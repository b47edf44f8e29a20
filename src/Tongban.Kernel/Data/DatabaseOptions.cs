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
}

/// <summary>Section <c>Storage</c>.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    public string DataDirectory { get; set; } = "./data";
}
