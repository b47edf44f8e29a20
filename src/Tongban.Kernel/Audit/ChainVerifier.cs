using Microsoft.EntityFrameworkCore;
using Tongban.Kernel.Audit.Checkpoints;
using Tongban.Kernel.Data;
using Tongban.Kernel.Keys;

namespace Tongban.Kernel.Audit;

/// <summary>
/// Where checkpoints come from besides the database and this instance's publish file: exported or published files kept
/// elsewhere, and the public keys to trust instead of the key directory's (a copy held by the province, say).
/// </summary>
public sealed record CheckpointSources(IReadOnlyList<string> Files, IReadOnlyList<PublicSigningKey>? Keys)
{
    public static CheckpointSources Default { get; } = new([], null);
}

/// <summary>
/// Verifies a chain against its signed checkpoints. Checkpoints are gathered from the database, the publish file and
/// any file given (so deleting them from the database hides nothing kept elsewhere); each must carry a signature that a
/// trusted key verifies (and, with a timestamp, a token over the same bytes), or the verdict names it. The walk then
/// compares every trusted checkpoint with the recomputed chain. Reads only: it makes no key and writes nothing.
/// </summary>
public sealed class ChainVerifier(KernelDbContext kernel, IEnumerable<IHashChain> chains, SigningKeys keys, CheckpointFile publishFile, TimestampAuthority timestamps)
{
    /// <summary>The chains registered (the audit log first), by name.</summary>
    public IReadOnlyList<string> Chains => [.. chains.Select(c => c.Name)];

    public async Task<AuditVerification> VerifyAsync(string chainName, CheckpointSources sources, CancellationToken cancellationToken)
    {
        var chain = chains.Single(c => c.Name == chainName);
        var checkpoints = await GatherAsync(chainName, sources, cancellationToken);
        var trustedKeys = sources.Keys ?? keys.Trusted(CheckpointOptions.KeyName);
        var untrusted = checkpoints.Where(c => !CheckpointSignatures.IsTrusted(c, trustedKeys) || c.Timestamp is { } t && !timestamps.Matches(t, c.SignedBytes()))
            .OrderBy(c => c.Sequence).FirstOrDefault();
        if (untrusted is not null)
            return new(0, AuditFault.UntrustedCheckpoint, untrusted.Sequence, $"the checkpoint at entry #{untrusted.Sequence} (key {untrusted.KeyId}) " +
                "carries a signature or timestamp that no trusted key verifies: it was forged, or signed by a key no longer kept");
        return await chain.VerifyAsync(ChainPoint.Genesis, null,
            [.. checkpoints.Select(c => new TrustedCheckpoint(c.Sequence, c.HeadHash, c.SignedAt))], cancellationToken);
    }

    private async Task<List<ChainCheckpoint>> GatherAsync(string chain, CheckpointSources sources, CancellationToken ct)
    {
        var all = await kernel.Checkpoints.AsNoTracking().Where(c => c.Chain == chain).ToListAsync(ct);
        foreach (var path in sources.Files.Prepend(publishFile.PublishPath))
            all.AddRange((await CheckpointFile.ReadAsync(path, ct)).Where(c => c.Chain == chain));
        return [.. all.DistinctBy(c => (c.Sequence, c.HeadHash, c.Signature))];
    }
}
