using System.Data.Common;
using Npgsql;

namespace Tongban.Kernel.Data;

/// <summary>
/// A lock held across processes — the platform's several instances over one database — for work only one of them may
/// do at a time (a registry's import, the pull of the provincial catalog). On PostgreSQL a session advisory lock on the
/// given open connection; on SQLite, where one host is the only writer, an exclusive lock on a file beside the database.
/// Either way the operating system or the server releases it when the process dies. <see cref="TryTakeAsync"/> never
/// waits: null means another holds it.
/// </summary>
public sealed class ProcessLock : IAsyncDisposable
{
    private readonly Func<ValueTask> _release;

    private ProcessLock(Func<ValueTask> release) => _release = release;

    /// <param name="connection">Open, and kept open while the lock is held (on PostgreSQL the lock is the session's).</param>
    /// <param name="name">The lock's name on SQLite: the file <c>{database}.{name}.lock</c>.</param>
    /// <param name="key">The lock's key on PostgreSQL (<c>pg_try_advisory_lock</c>), unique to the work it guards.</param>
    public static async Task<ProcessLock?> TryTakeAsync(DbConnection connection, string name, long key)
    {
        if (connection is NpgsqlConnection)
            return await AdvisoryAsync(connection, "pg_try_advisory_lock", key)
                ? new ProcessLock(async () => await AdvisoryAsync(connection, "pg_advisory_unlock", key))
                : null;
        var database = connection.DataSource;
        if (string.IsNullOrEmpty(database) || database == ":memory:") return new ProcessLock(() => ValueTask.CompletedTask);
        try
        {
            var file = new FileStream($"{database}.{name}.lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            return new ProcessLock(() => file.DisposeAsync());
        }
        catch (IOException)
        {
            return null; // held by another process
        }
    }

    private static async Task<bool> AdvisoryAsync(DbConnection connection, string function, long key)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {function}(@key)";
        command.AddParameter("@key", key);
        return await command.ExecuteScalarAsync(CancellationToken.None) is true;
    }

    public ValueTask DisposeAsync() => _release();
}
