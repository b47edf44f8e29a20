using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tongban.Kernel.Data;
using Tongban.Kernel.Keys;

namespace Tongban.Kernel.Audit.Checkpoints;

/// <summary>
/// Signs the head of every chain when a checkpoint is due (<see cref="CheckpointOptions.EveryEntries"/> entries or
/// <see cref="CheckpointOptions.Interval"/> since the last one). Before signing it walks the links since the last
/// trusted checkpoint, so it never vouches for a chain already broken. Safe on several instances: a checkpoint's key is
/// its chain and sequence, so two instances signing the same head store one; an instance that loses the race moves on.
/// </summary>
public sealed class CheckpointSigner(IServiceScopeFactory scopes, SigningKeys keys, CheckpointFile file, TimestampAuthority timestamps,
    IOptions<CheckpointOptions> options, TimeProvider clock, ILogger<CheckpointSigner> logger)
{
    private readonly CheckpointOptions _options = options.Value;

    /// <summary>Signs each chain whose checkpoint is due (every chain whose head moved, when <paramref name="force"/>); returns what it signed.</summary>
    public async Task<IReadOnlyList<ChainCheckpoint>> SignDueAsync(bool force, CancellationToken cancellationToken)
    {
        var key = keys.GetOrCreate(CheckpointOptions.KeyName, _options.Algorithm);
        var trusted = keys.Trusted(CheckpointOptions.KeyName);
        var signed = new List<ChainCheckpoint>();
        await using var scope = scopes.CreateAsyncScope();
        var kernel = scope.ServiceProvider.GetRequiredService<KernelDbContext>();
        foreach (var chain in scope.ServiceProvider.GetServices<IHashChain>())
            if (await SignAsync(chain, kernel, key, trusted, force, cancellationToken) is { } checkpoint) signed.Add(checkpoint);
        return signed;
    }

    private async Task<ChainCheckpoint?> SignAsync(IHashChain chain, KernelDbContext kernel, SigningKey key, IReadOnlyList<PublicSigningKey> trusted, bool force, CancellationToken ct)
    {
        var head = await chain.HeadAsync(ct);
        var last = await LastTrustedAsync(kernel, chain.Name, trusted, ct);
        var from = last is null ? ChainPoint.Genesis : new ChainPoint(last.Sequence, last.HeadHash);
        var now = clock.GetUtcNow();
        if (head.Sequence <= from.Sequence) return null;
        if (!force && last is not null && head.Sequence - from.Sequence < _options.EveryEntries && now - last.SignedAt < _options.Interval) return null;

        var verdict = await chain.VerifyAsync(from, head, [], ct);
        if (!verdict.IsIntact)
        {
            logger.LogError("Chain {Chain} is broken since checkpoint #{From}: {Fault} at #{Sequence}; no checkpoint signed", chain.Name, from.Sequence, verdict.Fault, verdict.Sequence);
            return null;
        }
        var checkpoint = await StampAsync(ChainCheckpoint.Sign(chain.Name, head, now, key), ct);
        kernel.Checkpoints.Add(checkpoint);
        try
        {
            await kernel.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another instance signed this head first.
            kernel.ChangeTracker.Clear();
            return null;
        }
        await file.PublishAsync(checkpoint, ct);
        return checkpoint;
    }

    /// <summary>With a timestamp service configured, the checkpoint with its token; without one, or when the service fails, as it is.</summary>
    private async Task<ChainCheckpoint> StampAsync(ChainCheckpoint checkpoint, CancellationToken ct)
    {
        if (!timestamps.IsConfigured) return checkpoint;
        try
        {
            return checkpoint.WithTimestamp(await timestamps.StampAsync(checkpoint.SignedBytes(), ct));
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or Org.BouncyCastle.Tsp.TspException or IOException)
        {
            logger.LogWarning(ex, "Timestamp service failed for checkpoint #{Sequence} of {Chain}; kept without a timestamp", checkpoint.Sequence, checkpoint.Chain);
            return checkpoint;
        }
    }

    private static async Task<ChainCheckpoint?> LastTrustedAsync(KernelDbContext kernel, string chain, IReadOnlyList<PublicSigningKey> trusted, CancellationToken ct)
    {
        var recent = await kernel.Checkpoints.AsNoTracking().Where(c => c.Chain == chain).OrderByDescending(c => c.Sequence).Take(20).ToListAsync(ct);
        return recent.FirstOrDefault(c => CheckpointSignatures.IsTrusted(c, trusted));
    }
}
