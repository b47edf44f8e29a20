using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Tongban.Kernel.Audit;
using Tongban.Kernel.Outbox;
using Tongban.Licenses.Data;

namespace Tongban.Licenses.Signing;

/// <summary>
/// The authorities' keys: the current one of a purpose (made on first need), rotation (the old key retired, kept for
/// verifying), and signing and verifying through the <see cref="KeyRing"/>.
/// </summary>
internal sealed class SealKeys(LicensesDbContext db, KeyRing ring, KeyFile keyFile, IServiceScopeFactory scopes, IOptions<LicensesOptions> options, TimeProvider clock)
{
    public SealAlgorithm SealAlgorithm => options.Value.SealAlgorithm.Trim().ToUpperInvariant() switch
    {
        "SM2" or "SM2-SM3" => SealAlgorithm.Sm2Sm3,
        "P-256" or "P256" or "ECDSA-P256" => SealAlgorithm.EcdsaP256,
        var other => throw new InvalidOperationException($"Licenses:SealAlgorithm '{other}' is neither SM2 nor P-256."),
    };

    /// <summary>The authority's current key for <paramref name="purpose"/>, made (and committed) if it has none.</summary>
    public async Task<SealKey> CurrentAsync(string authority, KeyPurpose purpose, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            var current = await db.SealKeys.AsNoTracking().SingleOrDefaultAsync(k => k.Authority == authority && k.Purpose == purpose && k.RetiredAt == null, ct);
            if (current is not null) return current;
            try
            {
                // In a context of its own: the caller's context may hold the license being issued.
                await using var scope = scopes.CreateAsyncScope();
                return await AddAsync(scope.ServiceProvider.GetRequiredService<LicensesDbContext>(), authority, purpose, "first use", ct);
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                // another request made it first: read theirs
            }
        }
    }

    /// <summary>Retires the authority's current keys and makes new ones; what the old keys signed still verifies.</summary>
    public async Task<IReadOnlyList<SealKey>> RotateAsync(string authority, string actor, CancellationToken ct)
    {
        var at = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var current = await db.SealKeys.Where(k => k.Authority == authority && k.RetiredAt == null).ToListAsync(ct);
        foreach (var key in current) key.Retire(at);
        await db.SaveChangesAsync(ct); // the retirements first, so the new current keys do not meet them in the unique index
        var made = new List<SealKey>();
        foreach (var purpose in new[] { KeyPurpose.Seal, KeyPurpose.Credential })
            made.Add(await AddAsync(db, authority, purpose, $"rotated by {actor}", ct));
        await transaction.CommitAsync(ct);
        return made;
    }

    public async Task<SealKey?> FindAsync(string keyId, CancellationToken ct) =>
        await db.SealKeys.AsNoTracking().SingleOrDefaultAsync(k => k.Id == keyId, ct);

    public byte[] Sign(SealKey key, byte[] data) => ring.Sign(key, data);

    /// <summary>Whose key it is (kept with the ring after the first read), or null for an unknown key.</summary>
    public async Task<string?> FindAuthorityAsync(string keyId, CancellationToken ct) =>
        ring.AuthorityOf(keyId) ?? (await FindAsync(keyId, ct))?.Authority;

    /// <summary>Whether the signature is the named key's over the data; the key is read once and then kept.</summary>
    public async Task<bool> VerifyAsync(string keyId, byte[] data, byte[] signature, CancellationToken ct)
    {
        if (!ring.IsKnown(keyId))
        {
            if (await FindAsync(keyId, ct) is not { } key) return false;
            ring.Remember(key);
        }
        return ring.Verify(keyId, data, signature);
    }

    private async Task<SealKey> AddAsync(LicensesDbContext context, string authority, KeyPurpose purpose, string why, CancellationToken ct)
    {
        var algorithm = purpose == KeyPurpose.Credential ? SealAlgorithm.EcdsaP256 : SealAlgorithm;
        var key = SealKey.Create(authority, purpose, algorithm, keyFile, clock.GetUtcNow());
        context.SealKeys.Add(key);
        context.Audit(new AuditRecord(Kernel.Security.Actor.System, "licenses.key_created", $"authority:{authority}",
            $"{key.Id} ({SealCrypto.Name(algorithm)}, {purpose}): {why}", key.CreatedAt));
        await context.SaveChangesAsync(ct);
        context.Entry(key).State = EntityState.Detached;
        return key;
    }
}
