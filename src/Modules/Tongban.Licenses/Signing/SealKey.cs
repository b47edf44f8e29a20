namespace Tongban.Licenses.Signing;

/// <summary>What a key signs: license seals, or verifiable credentials and status lists (ES256, since JOSE has no SM2).</summary>
internal enum KeyPurpose
{
    Seal = 1,
    Credential = 2,
}

/// <summary>
/// One signing key of an issuing authority (lic_seal_keys). The current key of an authority and purpose has no
/// <see cref="RetiredAt"/>; rotation retires it and adds a new one, and a retired key stays to verify what it signed.
/// The private key is stored only sealed by the <see cref="KeyFile"/>.
/// </summary>
internal sealed class SealKey
{
    private SealKey() { }

    public string Id { get; private set; } = "";
    public string Authority { get; private set; } = "";
    public KeyPurpose Purpose { get; private set; }
    public SealAlgorithm Algorithm { get; private set; }
    public byte[] PublicKey { get; private set; } = [];
    public byte[] SealedPrivateKey { get; private set; } = [];
    public string SealedWith { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? RetiredAt { get; private set; }

    public static SealKey Create(string authority, KeyPurpose purpose, SealAlgorithm algorithm, KeyFile keyFile, DateTimeOffset at)
    {
        var pair = SealCrypto.Generate(algorithm);
        var suffix = purpose == KeyPurpose.Seal ? (algorithm == SealAlgorithm.Sm2Sm3 ? "sm2" : "p256") : "vc";
        var id = $"{authority}-{at.UtcDateTime:yyyyMMddHHmmss}-{suffix}-{Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(3))}";
        return new SealKey
        {
            Id = id, Authority = authority, Purpose = purpose, Algorithm = algorithm, PublicKey = pair.SubjectPublicKeyInfo,
            SealedPrivateKey = keyFile.Seal(id, pair.Pkcs8), SealedWith = keyFile.Id, CreatedAt = at,
        };
    }

    public void Retire(DateTimeOffset at) => RetiredAt ??= at;
}
