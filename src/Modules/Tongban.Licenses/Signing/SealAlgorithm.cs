using System.Security.Cryptography;
using Org.BouncyCastle.Asn1.GM;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Pkcs;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.X509;

namespace Tongban.Licenses.Signing;

/// <summary>The two signature algorithms a seal key may use.</summary>
internal enum SealAlgorithm
{
    /// <summary>SM2 over SM3 with the default user ID 1234567812345678 (GM/T 0009), signature DER SEQUENCE { r, s }.</summary>
    Sm2Sm3 = 1,

    /// <summary>ECDSA on P-256 with SHA-256, signature DER (for seals: the configured alternative; for credentials: ES256).</summary>
    EcdsaP256 = 2,
}

/// <summary>A key's secret half and public half, as PKCS#8 and SubjectPublicKeyInfo DER.</summary>
internal sealed record KeyPairDer(byte[] Pkcs8, byte[] SubjectPublicKeyInfo);

/// <summary>Key generation, signing and verification for <see cref="SealAlgorithm"/>: BouncyCastle for SM2, .NET (OpenSSL) for P-256.</summary>
internal static class SealCrypto
{
    public static string Name(SealAlgorithm algorithm) => algorithm == SealAlgorithm.Sm2Sm3 ? "SM2-SM3" : "ECDSA-P256-SHA256";

    public static KeyPairDer Generate(SealAlgorithm algorithm)
    {
        if (algorithm == SealAlgorithm.EcdsaP256)
        {
            using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            return new KeyPairDer(ecdsa.ExportPkcs8PrivateKey(), ecdsa.ExportSubjectPublicKeyInfo());
        }
        var domain = new ECNamedDomainParameters(GMObjectIdentifiers.sm2p256v1, GMNamedCurves.GetByOid(GMObjectIdentifiers.sm2p256v1));
        var generator = new ECKeyPairGenerator();
        generator.Init(new ECKeyGenerationParameters(domain, new SecureRandom()));
        var pair = generator.GenerateKeyPair();
        return new KeyPairDer(PrivateKeyInfoFactory.CreatePrivateKeyInfo(pair.Private).GetDerEncoded(),
            SubjectPublicKeyInfoFactory.CreateSubjectPublicKeyInfo(pair.Public).GetDerEncoded());
    }

    /// <summary>A verifier for one public key, parsed once: BouncyCastle keeps its precomputation on the key's point, so reuse pays.</summary>
    public static Func<byte[], byte[], bool> Verifier(SealAlgorithm algorithm, byte[] subjectPublicKeyInfo)
    {
        if (algorithm == SealAlgorithm.EcdsaP256)
        {
            var ecdsa = ECDsa.Create();
            ecdsa.ImportSubjectPublicKeyInfo(subjectPublicKeyInfo, out _);
            var gate = new Lock(); // an ECDsa instance is not documented as safe for concurrent use
            return (data, signature) =>
            {
                lock (gate) return ecdsa.VerifyData(data, signature, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
            };
        }
        var key = PublicKeyFactory.CreateKey(subjectPublicKeyInfo);
        return (data, signature) =>
        {
            var verifier = new SM2Signer();
            verifier.Init(false, key);
            verifier.BlockUpdate(data, 0, data.Length);
            try
            {
                return verifier.VerifySignature(signature);
            }
            catch (Exception e) when (e is ArgumentException or IOException or InvalidCastException)
            {
                return false; // not a DER SEQUENCE of two integers: not a signature at all
            }
        };
    }

    /// <summary>A signer for one private key (DER signatures).</summary>
    public static Func<byte[], byte[]> Signer(SealAlgorithm algorithm, byte[] pkcs8)
    {
        if (algorithm == SealAlgorithm.EcdsaP256)
        {
            var ecdsa = ECDsa.Create();
            ecdsa.ImportPkcs8PrivateKey(pkcs8, out _);
            var gate = new Lock();
            return data =>
            {
                lock (gate) return ecdsa.SignData(data, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
            };
        }
        var key = PrivateKeyFactory.CreateKey(pkcs8);
        return data =>
        {
            var signer = new SM2Signer();
            signer.Init(true, new ParametersWithRandom(key, new SecureRandom()));
            signer.BlockUpdate(data, 0, data.Length);
            return signer.GenerateSignature();
        };
    }

    /// <summary>The public key as a PEM "PUBLIC KEY" block (what OpenSSL's -pubin reads).</summary>
    public static string Pem(byte[] subjectPublicKeyInfo) => PemEncoding.WriteString("PUBLIC KEY", subjectPublicKeyInfo);
}
