using Microsoft.EntityFrameworkCore;
using Tongban.Kernel.Data;

namespace Tongban.Kernel.Audit;

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
/// Walks a hash chain in order and names the first altered, inserted or deleted link, or the first entry after the last
/// signed checkpoint it still matches when it was rewritten. Every chain of the platform (the audit log, the
/// registries' access log) is checked by this one walk (<see cref="ChainWalk"/>).
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

    /// <param name="links">The links after <paramref name="start"/>, in sequence order.</param>
    /// <param name="head">The chain head's last sequence and hash, or null when no head row exists.</param>
    /// <param name="start">Where the walk begins: the genesis, or a link already known good (a checkpoint).</param>
    /// <param name="checkpoints">Signed checkpoints, already checked against trusted keys: each must match the link at its sequence.</param>
    public static async Task<AuditVerification> VerifyAsync(IAsyncEnumerable<IChainLink> links, Func<CancellationToken, Task<(long LastSequence, string LastHash)?>> head,
        ChainPoint start, IReadOnlyList<TrustedCheckpoint> checkpoints, CancellationToken cancellationToken)
    {
        var walk = new ChainWalk(start, checkpoints);
        await foreach (var entry in links.WithCancellation(cancellationToken))
            if (walk.Step(entry) is { } fault) return fault;
        return walk.End(await head(cancellationToken));
    }
}
