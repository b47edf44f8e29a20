using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Npgsql;
using Tongban.Kernel.Data;
using Tongban.Kernel.Errors;

namespace Tongban.Kernel.Backup;

/// <summary>Section <c>Backup</c>: where PostgreSQL's client tools are, when they are not on the PATH.</summary>
public sealed class BackupOptions
{
    public const string Section = "Backup";

    public string? PgDumpPath { get; set; }
    public string? PgRestorePath { get; set; }
}

/// <summary>
/// A consistent copy of the database and its way back. SQLite: the online backup API (a snapshot taken while the
/// instance keeps writing, never a half-copied file). PostgreSQL: <c>pg_dump --format=custom</c> and
/// <c>pg_restore</c> in one transaction, the connection given to them as PG* environment variables (so no password on a
/// command line).
/// </summary>
public sealed class DatabaseCopy(IOptions<DatabaseOptions> database, IOptions<StorageOptions> storage, IOptions<BackupOptions> options)
{
    private bool IsPostgres => database.Value.Provider == DatabaseProvider.Postgres;

    public string FileName => IsPostgres ? "tongban.dump" : "tongban.db";

    private string SqliteConnectionString => !string.IsNullOrWhiteSpace(database.Value.ConnectionString) ? database.Value.ConnectionString
        : ConnectionStrings.SqliteFile(storage.Value.DataDirectory);

    /// <summary>Fails now, before a backup writes anything, when PostgreSQL's dump tool cannot be found.</summary>
    public void RequireTools()
    {
        if (IsPostgres) Tool("pg_dump", options.Value.PgDumpPath);
    }

    public async Task SaveAsync(string path, CancellationToken ct)
    {
        if (IsPostgres)
        {
            await RunAsync(Tool("pg_dump", options.Value.PgDumpPath), ["--format=custom", "--no-owner", $"--file={path}"], ct);
            return;
        }
        await using var source = new SqliteConnection(SqliteConnectionString);
        await using var target = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        await source.OpenAsync(ct);
        await target.OpenAsync(ct);
        source.BackupDatabase(target);
    }

    /// <summary>Whether the target database already holds tables (a restore goes into an empty one only, unless forced).</summary>
    public async Task<bool> HoldsTablesAsync(CancellationToken ct)
    {
        if (!IsPostgres)
            return new SqliteConnectionStringBuilder(SqliteConnectionString).DataSource is var file && File.Exists(file) && new FileInfo(file).Length > 0;
        await using var connection = new NpgsqlConnection(database.Value.ConnectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'", connection);
        return (long)(await command.ExecuteScalarAsync(ct))! > 0;
    }

    public async Task RestoreAsync(string path, bool replace, CancellationToken ct)
    {
        if (IsPostgres)
        {
            string[] clean = replace ? ["--clean", "--if-exists"] : [];
            await RunAsync(Tool("pg_restore", options.Value.PgRestorePath), ["--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error", .. clean,
                $"--dbname={new NpgsqlConnectionStringBuilder(database.Value.ConnectionString).Database}", path], ct);
            return;
        }
        SqliteConnection.ClearAllPools();
        var file = new SqliteConnectionStringBuilder(SqliteConnectionString).DataSource;
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
        foreach (var stale in new[] { file + "-wal", file + "-shm" }) File.Delete(stale);
        File.Copy(path, file, overwrite: replace);
    }

    private static string Tool(string name, string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured))
            return File.Exists(configured) ? configured : throw Missing(name, configured);
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(d => Path.Combine(d, OperatingSystem.IsWindows() ? name + ".exe" : name)).FirstOrDefault(File.Exists);
        return onPath ?? throw Missing(name, null);
    }

    private static DomainException Missing(string tool, string? configured) => new(new DomainError("backup.no_pg_tool",
        configured is null ? $"找不到 {tool}：请安装 PostgreSQL 客户端工具（与服务器同一主版本或更新），或在 Backup:{(tool == "pg_dump" ? "PgDumpPath" : "PgRestorePath")} 中指定路径"
            : $"找不到 {tool}：{configured} 不存在",
        configured is null ? $"{tool} was not found on the PATH: install the PostgreSQL client tools (the server's major version or newer), or set Backup:{(tool == "pg_dump" ? "PgDumpPath" : "PgRestorePath")}"
            : $"{tool} was not found at {configured}"));

    private async Task RunAsync(string tool, IReadOnlyList<string> arguments, CancellationToken ct)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        var connection = new NpgsqlConnectionStringBuilder(database.Value.ConnectionString);
        start.Environment["PGHOST"] = connection.Host;
        start.Environment["PGPORT"] = connection.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["PGDATABASE"] = connection.Database;
        start.Environment["PGUSER"] = connection.Username;
        if (connection.Password is { Length: > 0 } password) start.Environment["PGPASSWORD"] = password;
        start.Environment["PGSSLMODE"] = connection.SslMode switch
        {
            SslMode.VerifyCA => "verify-ca",
            SslMode.VerifyFull => "verify-full",
            var mode => mode.ToString().ToLowerInvariant(),
        };
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync(ct);
        await process.StandardOutput.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0)
            throw new DomainException(new DomainError("backup.pg_tool_failed", $"{Path.GetFileName(tool)} 失败（退出码 {process.ExitCode}）：{(await errors).Trim()}",
                $"{Path.GetFileName(tool)} failed (exit code {process.ExitCode}): {(await errors).Trim()}"));
    }
}
