using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Tongban.Licenses.Signing;

/// <summary>
/// Parsed keys kept for the process's life (keys never change once made): a verifier per public key, a signer per
/// private key opened from its seal. Verification results are remembered by the SHA-256 of key id, signed bytes and
/// signature: a memo of a pure function, so a changed byte anywhere is a new entry and is verified afresh.
/// </summary>
internal sealed class KeyRing(KeyFile keyFile)
{
    private const int MemoLimit = 200_000;
    private readonly ConcurrentDictionary<string, Func<byte[], byte[], bool>> _verifiers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Func<byte[], byte[]>> _signers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _verified = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _authorities = new(StringComparer.Ordinal);

    public bool IsKnown(string keyId) => _verifiers.ContainsKey(keyId);

    public string? AuthorityOf(string keyId) => _authorities.GetValueOrDefault(keyId);

    public void Remember(SealKey key)
    {
        _authorities.TryAdd(key.Id, key.Authority);
        _verifiers.TryAdd(key.Id, SealCrypto.Verifier(key.Algorithm, key.PublicKey));
    }

    /// <summary>Whether <paramref name="signature"/> is the known key's over <paramref name="data"/>; false for an unknown key.</summary>
    public bool Verify(string keyId, byte[] data, byte[] signature)
    {
        if (!_verifiers.TryGetValue(keyId, out var verify)) return false;
        var memo = MemoKey(keyId, data, signature);
        if (_verified.TryGetValue(memo, out var known)) return known;
        var result = verify(data, signature);
        if (_verified.Count >= MemoLimit) _verified.Clear(); // crude bound: a cleared memo only costs re-verifying
        _verified[memo] = result;
        return result;
    }

    public byte[] Sign(SealKey key, byte[] data) =>
        _signers.GetOrAdd(key.Id, _ => SealCrypto.Signer(key.Algorithm, keyFile.Open(key.Id, key.SealedPrivateKey, key.SealedWith)))(data);

    private static string MemoKey(string keyId, byte[] data, byte[] signature)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(System.Text.Encoding.UTF8.GetBytes(keyId));
        hash.AppendData([0]);
        hash.AppendData(data);
        hash.AppendData([0]);
        hash.AppendData(signature);
        return Convert.ToBase64String(hash.GetHashAndReset());
    }
}
