using Microsoft.EntityFrameworkCore;
using Tongban.Kernel.Audit;
using Tongban.Kernel.Data;

namespace Tongban.Testing;

/// <summary>
/// What a forger with write access to the database and knowledge of the scheme does to a hash chain: change links and
/// recompute every later hash and the head, so the chain links up again. Only a signed checkpoint can catch it.
/// </summary>
public static class ChainForgery
{
    /// <summary>Applies <paramref name="change"/> to the link at <paramref name="sequence"/>, then recomputes its hash, every later link's and the head's.</summary>
    public static async Task RewriteAsync<TLink, THead>(DbContext db, long sequence, Action<EntityEntryOf> change)
        where TLink : class, IChainLink where THead : class, IChainHead
    {
        var links = await db.Set<TLink>().Where(e => EF.Property<long>(e, nameof(IChainLink.Sequence)) >= sequence)
            .OrderBy(e => EF.Property<long>(e, nameof(IChainLink.Sequence))).ToListAsync();
        change(new EntityEntryOf(db.Entry(links[0])));
        var previous = links[0].PreviousHash;
        foreach (var link in links)
        {
            var entry = db.Entry(link);
            entry.Property(nameof(IChainLink.PreviousHash)).CurrentValue = previous;
            entry.Property(nameof(IChainLink.Hash)).CurrentValue = link.ComputeHash();
            previous = link.Hash;
        }
        await db.SaveChangesAsync();
        await MoveHeadAsync<THead>(db, links[^1].Sequence, previous);
    }

    /// <summary>Deletes every link after <paramref name="sequence"/> and moves the head back to it, as if they had never been.</summary>
    public static async Task CutBackAsync<TLink, THead>(DbContext db, long sequence)
        where TLink : class, IChainLink where THead : class, IChainHead
    {
        await db.Set<TLink>().Where(e => EF.Property<long>(e, nameof(IChainLink.Sequence)) > sequence).ExecuteDeleteAsync();
        var hash = await db.Set<TLink>().Where(e => EF.Property<long>(e, nameof(IChainLink.Sequence)) == sequence).Select(e => e.Hash).SingleAsync();
        await MoveHeadAsync<THead>(db, sequence, hash);
    }

    private static async Task MoveHeadAsync<THead>(DbContext db, long sequence, string hash) where THead : class, IChainHead
    {
        var table = StoreTable.Of<THead>(db.Model);
#pragma warning disable EF1003 // names from the EF model; the values are parameters
        await db.Database.ExecuteSqlRawAsync($"UPDATE {table.Name} SET {table.Column(nameof(IChainHead.LastSequence))} = {{0}}, " +
            $"{table.Column(nameof(IChainHead.LastHash))} = {{1}} WHERE {table.Column(nameof(IChainHead.Id))} = 1", sequence, hash);
#pragma warning restore EF1003
    }
}

/// <summary>Sets a link's column by property name, private setters included.</summary>
public sealed class EntityEntryOf(Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry entry)
{
    public void Set(string property, object? value) => entry.Property(property).CurrentValue = value;
}
