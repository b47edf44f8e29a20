using NSec.Cryptography;
using Org.BouncyCastle.Asn1.GM;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Pkcs;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.X509;

namespace Tongban.Kernel.Keys;

/// <summary>
/// A signature algorithm behind <see cref="SigningKeys"/>. Keys are kept in the standard forms (PKCS#8 for the
/// private key, SubjectPublicKeyInfo for the public one, both PEM), so OpenSSL and GmSSL read them too.
/// </summary>
internal interface ISignatureScheme
{
    string Name { get; }

    string NewPrivateKeyPem();

    /// <summary>The private key's signing function and its public key (SubjectPublicKeyInfo, DER).</summary>
    (Func<byte[], byte[]> Sign, byte[] PublicKey) Import(string privateKeyPem);

    /// <summary>Whether <paramref name="publicKey"/> (SubjectPublicKeyInfo, DER) is a key of this algorithm.</summary>
    bool Accepts(byte[] publicKey);

    /// <summary>
    /// A check of signatures under <paramref name="publicKey"/>, the key parsed once for it and safe to call from several
    /// threads; null when the key is not this algorithm's. Kept per key by <see cref="SignatureSchemes.Verify"/>.
    /// </summary>
    Func<byte[], byte[], bool>? VerifierFor(byte[] publicKey);
}

/// <summary>Ed25519 through libsodium (NSec): deterministic signatures (no random number at signing time to get wrong), small and fast.</summary>
internal sealed class Ed25519Scheme : ISignatureScheme
{
    private static readonly SignatureAlgorithm Algorithm = SignatureAlgorithm.Ed25519;
    private static KeyCreationParameters Exportable => new() { ExportPolicy = KeyExportPolicies.AllowPlaintextExport };

    public string Name => SignatureSchemes.Ed25519;

    public string NewPrivateKeyPem()
    {
        using var key = Key.Create(Algorithm, Exportable);
        return System.Text.Encoding.UTF8.GetString(key.Export(KeyBlobFormat.PkixPrivateKeyText));
    }

    public (Func<byte[], byte[]> Sign, byte[] PublicKey) Import(string privateKeyPem)
    {
        // The key lives as long as the process: it signs a checkpoint every few minutes.
        var key = Key.Import(Algorithm, System.Text.Encoding.UTF8.GetBytes(privateKeyPem), KeyBlobFormat.PkixPrivateKeyText, Exportable);
        return (data => Algorithm.Sign(key, data), key.PublicKey.Export(KeyBlobFormat.PkixPublicKey));
    }

    public bool Accepts(byte[] publicKey) => PublicKey.TryImport(Algorithm, publicKey, KeyBlobFormat.PkixPublicKey, out _);

    public Func<byte[], byte[], bool>? VerifierFor(byte[] publicKey) =>
        PublicKey.TryImport(Algorithm, publicKey, KeyBlobFormat.PkixPublicKey, out var key) ? (data, signature) => Algorithm.Verify(key!, data, signature) : null;
}

/// <summary>SM2 (GB/T 32918, with SM3 and the standard's default signer id) through BouncyCastle, for deployments assessed under GB/T 39786 (商用密码应用安全性评估).</summary>
internal sealed class Sm2Scheme : ISignatureScheme
{
    public string Name => SignatureSchemes.Sm2;

    public string NewPrivateKeyPem()
    {
        var generator = new ECKeyPairGenerator();
        generator.Init(new ECKeyGenerationParameters(GMObjectIdentifiers.sm2p256v1, new SecureRandom()));
        var pair = generator.GenerateKeyPair();
        return new string(System.Security.Cryptography.PemEncoding.Write("PRIVATE KEY", PrivateKeyInfoFactory.CreatePrivateKeyInfo(pair.Private).GetDerEncoded()));
    }

    public (Func<byte[], byte[]> Sign, byte[] PublicKey) Import(string privateKeyPem)
    {
        var key = (ECPrivateKeyParameters)PrivateKeyFactory.CreateKey(SignatureSchemes.PemBytes(privateKeyPem, "PRIVATE KEY"));
        var point = key.Parameters.G.Multiply(key.D).Normalize();
        var publicKey = new ECPublicKeyParameters("EC", point, key.PublicKeyParamSet);
        var signers = new Signers(true, () => new ParametersWithRandom(key, new SecureRandom())); // a random source per signer
        return (data => signers.Run(data, s => s.GenerateSignature()), SubjectPublicKeyInfoFactory.CreateSubjectPublicKeyInfo(publicKey).GetDerEncoded());
    }

    public bool Accepts(byte[] publicKey) => Parse(publicKey) is not null;

    /// <remarks>A point used again keeps what BouncyCastle precomputed for multiplying it, which makes each check cheaper.</remarks>
    public Func<byte[], byte[], bool>? VerifierFor(byte[] publicKey)
    {
        if (Parse(publicKey) is not { } key) return null;
        var verifiers = new Signers(false, () => key);
        return (data, signature) => verifiers.Run(data, s => s.VerifySignature(signature));
    }

    private static ECPublicKeyParameters? Parse(byte[] publicKey)
    {
        try
        {
            return PublicKeyFactory.CreateKey(publicKey) is ECPublicKeyParameters { PublicKeyParamSet: { } set } key && set.Equals(GMObjectIdentifiers.sm2p256v1) ? key : null;
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidCastException or IOException or SecurityUtilityException)
        {
            return null;
        }
    }

    /// <summary>
    /// Initialised signers (or verifiers) of one key, reused. <c>SM2Signer.Init</c> hashes the signer's Z (SM3 over the
    /// curve, the user id and the public point) and, to sign, first computes the public point from the private key — a
    /// scalar multiplication as costly as the signature's own. A signer returns to its initialised state after each
    /// signature or check; it is not safe for two threads at once, so each use takes an idle one (or makes one) and gives
    /// it back. A use that failed midway drops its signer.
    /// </summary>
    private sealed class Signers(bool forSigning, Func<Org.BouncyCastle.Crypto.ICipherParameters> key)
    {
        private readonly System.Collections.Concurrent.ConcurrentBag<SM2Signer> _idle = [];

        public T Run<T>(byte[] data, Func<SM2Signer, T> finish)
        {
            if (!_idle.TryTake(out var signer))
            {
                signer = new SM2Signer();
                signer.Init(forSigning, key());
            }
            signer.BlockUpdate(data, 0, data.Length);
            var result = finish(signer);
            signer.Reset();
            _idle.Add(signer);
            return result;
        }
    }
}

/// <summary>The algorithms a signing key may use, by the name configuration gives.</summary>
public static class SignatureSchemes
{
    public const string Ed25519 = "Ed25519";
    public const string Sm2 = "SM2";
    public const string P256 = "P-256";

    internal static readonly IReadOnlyList<ISignatureScheme> All = [new Ed25519Scheme(), new Sm2Scheme(), new P256Scheme()];

    internal static ISignatureScheme Named(string name) =>
        All.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new InvalidOperationException($"Unknown signature algorithm '{name}': use {Ed25519}, {Sm2} or {P256}.");

    /// <summary>The scheme of a PKCS#8 private key: Ed25519 by its own identifier, an elliptic-curve key by its curve (SM2 or P-256).</summary>
    internal static ISignatureScheme OfPrivateKey(string privateKeyPem)
    {
        var info = Org.BouncyCastle.Asn1.Pkcs.PrivateKeyInfo.GetInstance(PemBytes(privateKeyPem, "PRIVATE KEY"));
        if (info.PrivateKeyAlgorithm.Algorithm.Equals(Org.BouncyCastle.Asn1.EdEC.EdECObjectIdentifiers.id_Ed25519)) return Named(Ed25519);
        return info.PrivateKeyAlgorithm.Parameters is Org.BouncyCastle.Asn1.DerObjectIdentifier curve && curve.Equals(Org.BouncyCastle.Asn1.X9.X9ObjectIdentifiers.Prime256v1)
            ? Named(P256) : Named(Sm2);
    }

    internal static ISignatureScheme? Of(byte[] publicKey) => All.FirstOrDefault(s => s.Accepts(publicKey));

    /// <summary>
    /// Whether <paramref name="signature"/> over <paramref name="data"/> verifies under the key. Each key's check is made
    /// once and kept (a node checks the same few peers' keys on every message, and parsing or importing a key is much of a
    /// check's cost): at most <see cref="MostKept"/> keys, past that made for each check.
    /// </summary>
    internal static bool Verify(string algorithm, byte[] publicKey, byte[] data, byte[] signature)
    {
        var id = algorithm + " " + Convert.ToBase64String(publicKey);
        if (!Verifiers.TryGetValue(id, out var verify))
        {
            if (Named(algorithm).VerifierFor(publicKey) is not { } made) return false;
            verify = Verifiers.Count < MostKept ? Verifiers.GetOrAdd(id, made) : made;
        }
        return verify(data, signature);
    }

    private const int MostKept = 512;
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Func<byte[], byte[], bool>> Verifiers = new(StringComparer.Ordinal);

    internal static byte[] PemBytes(string pem, string label)
    {
        var fields = System.Security.Cryptography.PemEncoding.Find(pem);
        if (!pem.AsSpan()[fields.Label].SequenceEqual(label))
            throw new InvalidOperationException($"Expected a PEM block labelled {label}.");
        return Convert.FromBase64String(pem[fields.Base64Data]);
    }
}
