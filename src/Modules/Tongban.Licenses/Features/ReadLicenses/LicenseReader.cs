using Microsoft.EntityFrameworkCore;
using Tongban.Kernel.Errors;
using Tongban.Kernel.Time;
using Tongban.Licenses.Data;
using Tongban.Licenses.Domain;
using Tongban.Licenses.Signing;

namespace Tongban.Licenses.Features.ReadLicenses;

/// <summary>A license read back through its seal: the face from the signed bytes, whether the signature holds, the status today.</summary>
internal sealed record SealedLicense(License License, LicenseFace? Face, bool SignatureValid, LicenseStatus Status)
{
    /// <summary>Valid only when the seal holds and the status is valid today.</summary>
    public bool IsValid => SignatureValid && Status == LicenseStatus.Valid;
}

/// <summary>
/// Reads licenses and checks their seals: the face is taken from the signed bytes only after the signature over them
/// verified against the named key, which must be the issuer's — a database row alone proves nothing.
/// </summary>
internal sealed class LicenseReader(LicensesDbContext db, SealKeys keys, RegionClock clock)
{
    public async Task<License?> FindAsync(string identifier, CancellationToken ct)
    {
        var id = LicenseIdentifier.Parse(identifier).ToString();
        return await db.Licenses.AsNoTracking().SingleOrDefaultAsync(l => l.Identifier == id, ct);
    }

    public async Task<License> GetAsync(string identifier, CancellationToken ct) =>
        await FindAsync(identifier, ct) ?? throw NotFound();

    public async Task<SealedLicense> OpenAsync(License license, CancellationToken ct)
    {
        var bytes = LicenseDocument.Bytes(license.SignedJson);
        var valid = await keys.VerifyAsync(license.KeyId, bytes, license.Signature, ct) && await IssuedByAsync(license, ct);
        LicenseFace? face = null;
        if (valid)
        {
            var (read, keyId) = LicenseDocument.Read(license.SignedJson);
            // What was signed must be this license: its identifier, issuer and key.
            valid = read.Identifier == license.Identifier && read.IssuerCode == license.IssuerCode && keyId == license.KeyId;
            face = valid ? read : null;
        }
        return new SealedLicense(license, face, valid, license.StatusOn(clock.Today));
    }

    /// <summary>The license's use log, the latest 200 first: what its holder reads as "who used my license" and its administrators on its page.</summary>
    public async Task<IReadOnlyList<LicenseUse>> UsesAsync(LicenseId license, CancellationToken ct) =>
        (await db.Uses.AsNoTracking().Where(u => u.LicenseId == license).ToListAsync(ct)).OrderByDescending(u => u.At).Take(200).ToList();

    private async Task<bool> IssuedByAsync(License license, CancellationToken ct) =>
        await keys.FindAuthorityAsync(license.KeyId, ct) == license.IssuerCode;

    public static DomainException NotFound() => new(DomainError.NotFound("该电子证照", "The license") with { Field = "identifier" });
}
