using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Tongban.Kernel.Data;

namespace Tongban.Kernel.Audit;

public enum AuditFault
{
    None,
    Altered,
    Inserted,
    Deleted,
}

/// <summary>The verdict on a chain: the first entry where it breaks and how, or none.</summary>
public sealed record AuditVerification(long EntriesChecked, AuditFault Fault, long? Sequence, string? Description)
{
    public bool IsIntact => Fault == AuditFault.None;
}

/// <summary>One link of a hash chain: its place, its predecessor's hash, its own hash and how to recompute it.</summary>
public interface IChainLink
{
    long Sequence { get; }
    string PreviousHash { get; }
    string Hash { get; }
    string ComputeHash();
}

/// <summary>The head of a chain (one row, id 1), moved with every append: a deleted tail shows against it.</summary>
public interface IChainHead
{
    int Id { get; }
    long LastSequence { get; set; }
    string LastHash { get; set; }
}

/// <summary>
/// Walks a hash chain in order and names the first altered, inserted or deleted link. Every chain of the
/// platform (the audit log, the registries' access log) is checked by this one walk.
/// </summary>
public static class HashChain
{
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>Instants in a chain are kept to the millisecond, which every provider stores exactly, so hashes survive a round trip.</summary>
    public static DateTimeOffset ToMilliseconds(DateTimeOffset at) => new(at.UtcTicks - at.UtcTicks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero);

    /// <summary>
    /// The head's two statements (<see cref="ChainHeadStatements"/>) on <paramref name="db"/>'s connection, reusable across
    /// transactions: an appender locks and reads the head, appends, and moves the head, all in one transaction.
    /// </summary>
    public static ChainHeadStatements Head<THead>(DbContext db) where THead : class, IChainHead
    {
        var table = StoreTable.Of<THead>(db.Model);
        var (name, id, sequence, hash) = (table.Name, table.Column(nameof(IChainHead.Id)), table.Column(nameof(IChainHead.LastSequence)),
            table.Column(nameof(IChainHead.LastHash)));
        return new ChainHeadStatements(db.Database.GetDbConnection(),
            db.Database.IsNpgsql()
                ? $"SELECT {sequence}, {hash} FROM {name} WHERE {id} = 1 FOR UPDATE"
                : $"UPDATE {name} SET {id} = {id} WHERE {id} = 1 RETURNING {sequence}, {hash}",
            $"INSERT INTO {name} ({id}, {sequence}, {hash}) VALUES (1, @sequence, @hash) " +
            $"ON CONFLICT ({id}) DO UPDATE SET {sequence} = excluded.{sequence}, {hash} = excluded.{hash}");
    }

    /// <summary>Verifies a chain stored as <typeparamref name="TLink"/> rows with its <typeparamref name="THead"/>.</summary>
    public static Task<AuditVerification> VerifyAsync<TLink, THead>(DbContext db, CancellationToken cancellationToken)
        where TLink : class, IChainLink where THead : class, IChainHead => VerifyAsync(
        db.Set<TLink>().AsNoTracking().OrderBy(e => EF.Property<long>(e, nameof(IChainLink.Sequence))).AsAsyncEnumerable(),
        async ct => await db.Set<THead>().AsNoTracking().SingleOrDefaultAsync(ct) is { } h ? (h.LastSequence, h.LastHash) : null,
        cancellationToken);

    /// <param name="links">The links in sequence order.</param>
    /// <param name="head">The chain head's last sequence and hash, or null when no head row exists.</param>
    public static async Task<AuditVerification> VerifyAsync(IAsyncEnumerable<IChainLink> links, Func<CancellationToken, Task<(long LastSequence, string LastHash)?>> head, CancellationToken cancellationToken)
    {
        var previousHash = Genesis;
        var beforePreviousHash = (string?)null;
        long expected = 1, count = 0;
        await foreach (var entry in links.WithCancellation(cancellationToken))
        {
            count++;
            if (entry.Hash != entry.ComputeHash())
                return new(count, AuditFault.Altered, entry.Sequence, $"entry #{entry.Sequence} was altered: its content no longer matches its hash");
            if (entry.Sequence != expected)
                return new(count, AuditFault.Deleted, expected, entry.Sequence == expected + 1
                    ? $"entry #{expected} was deleted: the sequence jumps to #{entry.Sequence}"
                    : $"entries #{expected} to #{entry.Sequence - 1} were deleted: the sequence jumps to #{entry.Sequence}");
            if (entry.PreviousHash != previousHash)
            {
                return entry.PreviousHash == beforePreviousHash
                    ? new(count, AuditFault.Inserted, entry.Sequence - 1, $"entry #{entry.Sequence - 1} was inserted: #{entry.Sequence} links past it")
                    : new(count, AuditFault.Deleted, entry.Sequence, $"an entry before #{entry.Sequence} was deleted: its link points to no entry present");
            }
            beforePreviousHash = previousHash;
            previousHash = entry.Hash;
            expected++;
        }

        var last = await head(cancellationToken);
        if (last is { } h && h.LastSequence > expected - 1)
            return new(count, AuditFault.Deleted, expected, $"entries from #{expected} to #{h.LastSequence} were deleted: the chain head records #{h.LastSequence}");
        if (last is { } g && (g.LastSequence < expected - 1 || g.LastHash != previousHash))
            return new(count, AuditFault.Inserted, g.LastSequence + 1, $"entry #{g.LastSequence + 1} was inserted after the chain head #{g.LastSequence}");
        if (last is null && count > 0)
            return new(count, AuditFault.Inserted, 1, "entries exist but the chain head is missing");
        return new(count, AuditFault.None, null, null);
    }
}

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

/// <summary>Verifies the audit chain.</summary>
public sealed class AuditChainVerifier(KernelDbContext db)
{
    public Task<AuditVerification> VerifyAsync(CancellationToken cancellationToken) => HashChain.VerifyAsync<AuditEntry, AuditHead>(db, cancellationToken);
}
