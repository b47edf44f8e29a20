using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Tongban.Kernel.Audit;

/// <summary>
/// A hash chain of the platform, by name: the audit log (<c>audit</c>), the registries' access log. Checkpoints are
/// signed and checked for every chain registered with <see cref="HashChains.AddHashChain{TContext, TLink, THead}"/>.
/// </summary>
public interface IHashChain
{
    string Name { get; }

    /// <summary>The committed head: the last link's sequence and hash (the genesis for an empty chain).</summary>
    Task<ChainPoint> HeadAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Walks the links after <paramref name="from"/> up to <paramref name="to"/> (a head read before, so links appended
    /// meanwhile are left for next time), or to the stored head when <paramref name="to"/> is null.
    /// </summary>
    Task<AuditVerification> VerifyAsync(ChainPoint from, ChainPoint? to, IReadOnlyList<TrustedCheckpoint> checkpoints, CancellationToken cancellationToken);
}

public static class HashChains
{
    /// <summary>Registers a module's chain, stored as <typeparamref name="TLink"/> rows and a <typeparamref name="THead"/> row in <typeparamref name="TContext"/>.</summary>
    public static IServiceCollection AddHashChain<TContext, TLink, THead>(this IServiceCollection services, string name)
        where TContext : DbContext where TLink : class, IChainLink where THead : class, IChainHead =>
        services.AddScoped<IHashChain>(sp => new StoredChain<TLink, THead>(sp.GetRequiredService<TContext>(), name));
}

internal sealed class StoredChain<TLink, THead>(DbContext db, string name) : IHashChain
    where TLink : class, IChainLink where THead : class, IChainHead
{
    public string Name => name;

    public async Task<ChainPoint> HeadAsync(CancellationToken cancellationToken) =>
        await db.Set<THead>().AsNoTracking().SingleOrDefaultAsync(cancellationToken) is { } h ? new(h.LastSequence, h.LastHash) : ChainPoint.Genesis;

    public Task<AuditVerification> VerifyAsync(ChainPoint from, ChainPoint? to, IReadOnlyList<TrustedCheckpoint> checkpoints, CancellationToken cancellationToken)
    {
        var links = db.Set<TLink>().AsNoTracking().Where(e => EF.Property<long>(e, nameof(IChainLink.Sequence)) > from.Sequence);
        if (to is { } end) links = links.Where(e => EF.Property<long>(e, nameof(IChainLink.Sequence)) <= end.Sequence);
        return HashChain.VerifyAsync(links.OrderBy(e => EF.Property<long>(e, nameof(IChainLink.Sequence))).AsAsyncEnumerable(),
            to is { } head ? _ => Task.FromResult<(long, string)?>((head.Sequence, head.Hash)) : StoredHeadAsync, from, checkpoints, cancellationToken);
    }

    private async Task<(long LastSequence, string LastHash)?> StoredHeadAsync(CancellationToken ct) =>
        await db.Set<THead>().AsNoTracking().SingleOrDefaultAsync(ct) is { } h ? (h.LastSequence, h.LastHash) : null;
}
