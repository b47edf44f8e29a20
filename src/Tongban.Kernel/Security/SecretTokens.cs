using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Tongban.Kernel.Security;

/// <summary>
/// Bearer secrets handed out once (a share link, a paired device's cookie): random, URL-safe, and kept only as their
/// SHA-256 digest, so a copy of the database opens nothing. Looked up by digest, never compared in clear.
/// </summary>
public static class SecretTokens
{
    /// <summary>A new token of <paramref name="bytes"/> random bytes, base64url without padding.</summary>
    public static string New(int bytes = 32) => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(bytes));

    /// <summary>The digest stored in place of a token or a one-time code: SHA-256, lower-case hex.</summary>
    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
