using System.Security.Cryptography;

namespace Tongban.Kernel.Keys;

/// <summary>
/// ECDSA on P-256 with SHA-256 through .NET (OpenSSL), signatures DER SEQUENCE { r, s }: for a department whose
/// node must speak with systems that know no SM2. The key is kept as a PKCS#8 PEM with the named curve inside.
/// </summary>
internal sealed class P256Scheme : ISignatureScheme
{
    public string Name => SignatureSchemes.P256;

    public string NewPrivateKeyPem()
    {
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return ecdsa.ExportPkcs8PrivateKeyPem();
    }

    public (Func<byte[], byte[]> Sign, byte[] PublicKey) Import(string privateKeyPem)
    {
        var ecdsa = ECDsa.Create();
        ecdsa.ImportFromPem(privateKeyPem);
        var gate = new Lock(); // an ECDsa instance is not documented as safe for concurrent use
        return (data =>
        {
            lock (gate) return ecdsa.SignData(data, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        }, ecdsa.ExportSubjectPublicKeyInfo());
    }

    public bool Accepts(byte[] publicKey)
    {
        using var key = Parse(publicKey);
        return key is not null;
    }

    public Func<byte[], byte[], bool>? VerifierFor(byte[] publicKey)
    {
        if (Parse(publicKey) is not { } key) return null;
        var gate = new Lock(); // an ECDsa instance is not documented as safe for concurrent use
        return (data, signature) =>
        {
            lock (gate) return key.VerifyData(data, signature, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        };
    }

    // SM2 keys are elliptic-curve keys too: only the named curve P-256 is this scheme's.
    private static ECDsa? Parse(byte[] publicKey)
    {
        var key = ECDsa.Create();
        try
        {
            key.ImportSubjectPublicKeyInfo(publicKey, out _);
            if (key.ExportParameters(false).Curve.Oid?.Value == "1.2.840.10045.3.1.7") return key;
        }
        catch (CryptographicException)
        {
        }
        key.Dispose();
        return null;
    }
}
