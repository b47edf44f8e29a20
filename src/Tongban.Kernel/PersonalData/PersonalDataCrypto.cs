using System.Security.Cryptography;
using System.Text;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Macs;
using Org.BouncyCastle.Crypto.Modes;
using Org.BouncyCastle.Crypto.Parameters;

namespace Tongban.Kernel.PersonalData;

/// <summary>
/// The two primitives under <see cref="PersonalDataProtector"/>: authenticated encryption of one value (AES-256-GCM by
/// .NET, SM4-GCM by BouncyCastle; a fresh 96-bit nonce each time, the key id as associated data so a value cannot be
/// moved under another key's name) and the keyed hash of the blind index.
/// </summary>
internal static class PersonalDataCrypto
{
    private const int NonceSize = 12;
    private const int TagSize = 16;

    // Setting up an AesGcm (its key schedule and native context) costs more than sealing an ID number with it, and a
    // look-up opens a value per row: each thread keeps the last key's instance (AesGcm is not safe across threads).
    [ThreadStatic] private static (PersonalDataKey Key, AesGcm Aes)? t_aes;

    private static AesGcm Aes(PersonalDataKey key)
    {
        if (t_aes is { } held && ReferenceEquals(held.Key, key)) return held.Aes;
        t_aes?.Aes.Dispose();
        var aes = new AesGcm(key.Secret, TagSize);
        t_aes = (key, aes);
        return aes;
    }

    public static byte[] Encrypt(PersonalDataKey key, byte[] plain, byte[] associated)
    {
        var output = new byte[NonceSize + plain.Length + TagSize];
        var nonce = output.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        if (key.Cipher == PersonalDataCipher.Aes256Gcm)
        {
            Aes(key).Encrypt(nonce, plain, output.AsSpan(NonceSize, plain.Length), output.AsSpan(NonceSize + plain.Length), associated);
            return output;
        }
        var gcm = Sm4(key, nonce.ToArray(), associated, forEncryption: true);
        var written = gcm.ProcessBytes(plain, 0, plain.Length, output, NonceSize);
        gcm.DoFinal(output, NonceSize + written);
        return output;
    }

    /// <summary>The plain bytes, or a <see cref="CryptographicException"/> when the value was altered or sealed under another key.</summary>
    public static byte[] Decrypt(PersonalDataKey key, byte[] sealedBytes, byte[] associated)
    {
        if (sealedBytes.Length < NonceSize + TagSize) throw new CryptographicException("The sealed value is too short.");
        var nonce = sealedBytes.AsSpan(0, NonceSize);
        var plain = new byte[sealedBytes.Length - NonceSize - TagSize];
        if (key.Cipher == PersonalDataCipher.Aes256Gcm)
        {
            Aes(key).Decrypt(nonce, sealedBytes.AsSpan(NonceSize, plain.Length), sealedBytes.AsSpan(NonceSize + plain.Length), plain, associated);
            return plain;
        }
        var gcm = Sm4(key, nonce.ToArray(), associated, forEncryption: false);
        var output = new byte[plain.Length];
        try
        {
            var written = gcm.ProcessBytes(sealedBytes, NonceSize, sealedBytes.Length - NonceSize, output, 0);
            gcm.DoFinal(output, written);
        }
        catch (Org.BouncyCastle.Crypto.InvalidCipherTextException e)
        {
            throw new CryptographicException("The sealed value does not authenticate.", e);
        }
        return output;
    }

    public static byte[] Index(PersonalDataIndexHash hash, byte[] secret, string value)
    {
        var data = Encoding.UTF8.GetBytes(value);
        if (hash == PersonalDataIndexHash.HmacSha256) return HMACSHA256.HashData(secret, data);
        var mac = new HMac(new SM3Digest());
        mac.Init(new KeyParameter(secret));
        mac.BlockUpdate(data, 0, data.Length);
        var output = new byte[mac.GetMacSize()];
        mac.DoFinal(output, 0);
        return output;
    }

    private static GcmBlockCipher Sm4(PersonalDataKey key, byte[] nonce, byte[] associated, bool forEncryption)
    {
        var gcm = new GcmBlockCipher(new SM4Engine());
        gcm.Init(forEncryption, new AeadParameters(new KeyParameter(key.Secret), TagSize * 8, nonce, associated));
        return gcm;
    }
}
