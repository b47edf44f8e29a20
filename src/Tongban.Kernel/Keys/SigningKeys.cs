using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;

namespace Tongban.Kernel.Keys;

/// <summary>A public key that signatures are checked against. <see cref="KeyId"/>: the first 8 bytes of SHA-256 over the key, hex.</summary>
public sealed record PublicSigningKey(string Algorithm, string KeyId, byte[] PublicKey)
{
    public string Pem => new(PemEncoding.Write("PUBLIC KEY", PublicKey));

    public bool Verify(byte[] data, byte[] signature) => SignatureSchemes.Verify(Algorithm, PublicKey, data, signature);

    public static string IdOf(byte[] publicKey) => Convert.ToHexStringLower(SHA256.HashData(publicKey).AsSpan(0, 8));

    /// <summary>Reads a PEM public key (SubjectPublicKeyInfo) of any supported algorithm.</summary>
    /// <remarks>Read once per process and kept (a node checks a peer's key on every message; telling the algorithm parses the key): a few hundred keys at most, then read each time.</remarks>
    public static PublicSigningKey FromPem(string pem)
    {
        if (Parsed.TryGetValue(pem, out var known)) return known;
        var bytes = SignatureSchemes.PemBytes(pem, "PUBLIC KEY");
        var scheme = SignatureSchemes.Of(bytes) ?? throw new InvalidOperationException("The public key is neither Ed25519, SM2 nor P-256.");
        var key = new PublicSigningKey(scheme.Name, IdOf(bytes), bytes);
        if (Parsed.Count < MostKept) Parsed.TryAdd(pem, key);
        return key;
    }

    private const int MostKept = 512;
    private static readonly ConcurrentDictionary<string, PublicSigningKey> Parsed = new(StringComparer.Ordinal);
}

/// <summary>A private key ready to sign, with its public half.</summary>
public sealed class SigningKey(PublicSigningKey publicKey, Func<byte[], byte[]> sign)
{
    public PublicSigningKey Public => publicKey;

    public byte[] Sign(byte[] data) => sign(data);
}

/// <summary>
/// Named signing keys in the key directory (<see cref="KeyFiles"/>): <c>NAME.key</c> holds the private key (PKCS#8 PEM,
/// 0600), <c>NAME.pub</c> its public key to publish, and <c>NAME.retired-*.pub</c> the public keys of keys rotated out,
/// which keep verifying what they signed. The audit chain's checkpoints use one; a module that signs documents may
/// keep its own under another name.
/// </summary>
public sealed class SigningKeys(KeyFiles files)
{
    /// <summary>The named key, made with <paramref name="algorithm"/> on first use (several processes agree on one).</summary>
    public SigningKey GetOrCreate(string name, string algorithm)
    {
        // The file is read on every use, so a key rotated by another process (the command line) is taken at once; it is
        // parsed only when it changed.
        var pem = files.GetOrCreate(name + ".key", () => SignatureSchemes.Named(algorithm).NewPrivateKeyPem());
        if (_loaded.TryGetValue(pem, out var known)) return known;
        var key = Load(pem);
        if (files.Read(name + ".pub") != key.Public.Pem) files.WritePublic(name + ".pub", key.Public.Pem);
        return key;
    }

    /// <summary>The keys whose signatures are trusted: the current key's public half and every retired one. Reads only.</summary>
    public IReadOnlyList<PublicSigningKey> Trusted(string name)
    {
        var keys = files.Find(name + ".*pub").Select(f => PublicSigningKey.FromPem(files.Read(f)!)).ToList();
        if (files.Read(name + ".key") is { } pem) keys.Add(Load(pem).Public);
        return [.. keys.DistinctBy(k => k.KeyId)];
    }

    /// <summary>
    /// Retires the current key: its public half stays as <c>NAME.retired-{at}.pub</c> (still trusted), the private key
    /// file is deleted, and the next <see cref="GetOrCreate"/> makes a new one. Returns the retired key's id, or null.
    /// </summary>
    public string? Retire(string name, DateTimeOffset at)
    {
        if (files.Read(name + ".key") is not { } pem) return null;
        var retired = Load(pem).Public;
        files.WritePublic($"{name}.retired-{at.UtcDateTime.ToString("yyyyMMddTHHmmssZ", CultureInfo.InvariantCulture)}.pub", retired.Pem);
        files.Delete(name + ".key");
        files.Delete(name + ".pub");
        return retired.KeyId;
    }

    /// <summary>Private keys by their PEM, parsed once (SM2's import multiplies a curve point): a process holds a few.</summary>
    private readonly ConcurrentDictionary<string, SigningKey> _loaded = new(StringComparer.Ordinal);

    private SigningKey Load(string privateKeyPem)
    {
        if (_loaded.TryGetValue(privateKeyPem, out var known)) return known;
        var algorithm = SignatureSchemes.OfPrivateKey(privateKeyPem);
        var (sign, publicKey) = algorithm.Import(privateKeyPem);
        var key = new SigningKey(new PublicSigningKey(algorithm.Name, PublicSigningKey.IdOf(publicKey), publicKey), sign);
        if (_loaded.Count < 64) _loaded.TryAdd(privateKeyPem, key);
        return key;
    }
}
