using System.Security.Cryptography;
using System.Text;

namespace Tongban.Federation.Domain;

/// <summary>
/// The fingerprint both sides compare in a reconciliation: how many records and SHA-256 over their sorted
/// <c>key:version</c> lines. Equal digests mean the same records in the same versions.
/// </summary>
internal sealed record Digest(int Count, string Hash)
{
    public static Digest Of(IEnumerable<(string Key, long Version)> records)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var count = 0;
        foreach (var (key, version) in records.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            hash.AppendData(Encoding.UTF8.GetBytes($"{key}:{version}\n"));
            count++;
        }
        return new Digest(count, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }
}
