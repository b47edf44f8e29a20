using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
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
    /// Locks the chain's head for the current transaction and reads it, in one statement, so appends are serialised:
    /// PostgreSQL takes a row lock (SELECT … FOR UPDATE), SQLite its write lock at once (an UPDATE … RETURNING) rather
    /// than at the first INSERT, so two appenders cannot read the same head. Nothing is tracked; a chain without a head
    /// yet reads as empty. <see cref="MoveHeadAsync{THead}"/> writes the new head in the same transaction.
    /// </summary>
    public static async Task<(long LastSequence, string LastHash)> LockHeadAsync<THead>(DbContext db, CancellationToken cancellationToken)
        where THead : class, IChainHead
    {
        var (table, id, sequence, hash) = HeadColumns<THead>(db);
        await using var command = HeadCommand(db, db.Database.IsNpgsql()
            ? $"SELECT {sequence}, {hash} FROM {table} WHERE {id} = 1 FOR UPDATE"
            : $"UPDATE {table} SET {id} = {id} WHERE {id} = 1 RETURNING {sequence}, {hash}");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? (reader.GetInt64(0), reader.GetString(1)) : (0, Genesis);
    }

    /// <summary>Moves the head locked by <see cref="LockHeadAsync{THead}"/> to the last link appended (creating it on the first append).</summary>
    public static async Task MoveHeadAsync<THead>(DbContext db, long lastSequence, string lastHash, CancellationToken cancellationToken)
        where THead : class, IChainHead
    {
        var (table, id, sequence, hash) = HeadColumns<THead>(db);
        await using var command = HeadCommand(db, $"INSERT INTO {table} ({id}, {sequence}, {hash}) VALUES (1, @sequence, @hash) " +
            $"ON CONFLICT ({id}) DO UPDATE SET {sequence} = excluded.{sequence}, {hash} = excluded.{hash}");
        foreach (var (name, value) in new (string, object)[] { ("@sequence", lastSequence), ("@hash", lastHash) })
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static DbCommand HeadCommand(DbContext db, string sql)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("A chain head is locked and moved inside a transaction.");
        command.CommandText = sql;
        return command;
    }

    private static (string Table, string Id, string Sequence, string Hash) HeadColumns<THead>(DbContext db)
    {
        var entity = db.Model.FindEntityType(typeof(THead))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        string Column(string property) => entity.FindProperty(property)!.GetColumnName(table)!;
        return (table.Name, Column(nameof(IChainHead.Id)), Column(nameof(IChainHead.LastSequence)), Column(nameof(IChainHead.LastHash)));
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

/// <summary>Verifies the audit chain.</summary>
public sealed class AuditChainVerifier(KernelDbContext db)
{
    public Task<AuditVerification> VerifyAsync(CancellationToken cancellationToken) => HashChain.VerifyAsync<AuditEntry, AuditHead>(db, cancellationToken);
}
