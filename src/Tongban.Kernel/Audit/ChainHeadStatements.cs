using System.Data.Common;

namespace Tongban.Kernel.Audit;

/// <summary>
/// A chain head's two statements on one connection. A command that is run again keeps its compiled statement (SQLite
/// parses and plans it once), so a writer that holds one of these for its connection pays only for binding and running.
/// </summary>
public sealed class ChainHeadStatements : IAsyncDisposable
{
    private readonly DbCommand _lock;
    private readonly DbCommand _move;
    private readonly DbParameter _sequence;
    private readonly DbParameter _hash;

    internal ChainHeadStatements(DbConnection connection, string lockSql, string moveSql)
    {
        _lock = connection.CreateCommand();
        _lock.CommandText = lockSql;
        _move = connection.CreateCommand();
        _move.CommandText = moveSql;
        _sequence = Parameter(_move, "@sequence");
        _hash = Parameter(_move, "@hash");
    }

    /// <summary>
    /// Locks the head for <paramref name="transaction"/> and reads it, in one statement: PostgreSQL takes a row lock
    /// (SELECT … FOR UPDATE), SQLite its write lock at once (an UPDATE … RETURNING) rather than at the first INSERT, so two
    /// appenders cannot read the same head. A chain without a head yet reads as empty.
    /// </summary>
    public async Task<(long LastSequence, string LastHash)> LockAsync(DbTransaction transaction, CancellationToken cancellationToken)
    {
        _lock.Transaction = transaction;
        await using var reader = await _lock.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? (reader.GetInt64(0), reader.GetString(1)) : (0, HashChain.Genesis);
    }

    /// <summary>Moves the head locked by <see cref="LockAsync"/> to the last link appended, creating it on the first append.</summary>
    public async Task MoveAsync(DbTransaction transaction, long lastSequence, string lastHash, CancellationToken cancellationToken)
    {
        _move.Transaction = transaction;
        _sequence.Value = lastSequence;
        _hash.Value = lastHash;
        await _move.ExecuteNonQueryAsync(cancellationToken);
    }

    private static DbParameter Parameter(DbCommand command, string name)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        command.Parameters.Add(parameter);
        return parameter;
    }

    public async ValueTask DisposeAsync()
    {
        await _lock.DisposeAsync();
        await _move.DisposeAsync();
    }
}
