using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Tongban.Identity.Domain;

/// <summary>
/// RFC 6238 codes (HMAC-SHA-1, 30-second steps, 6 digits — what authenticator apps implement) checked one step
/// either side of now. The matched step is returned so the account can refuse it, and every earlier one, next
/// time: a code seen once cannot be replayed.
/// </summary>
internal static class AuthenticatorCode
{
    private const int StepSeconds = 30;

    public static long StepAt(DateTimeOffset at) => at.ToUnixTimeSeconds() / StepSeconds;

    /// <summary>The step whose code <paramref name="code"/> is, within one step of <paramref name="now"/> and after <paramref name="lastUsed"/>; null otherwise.</summary>
    public static long? Match(string base32Key, string? code, DateTimeOffset now, long? lastUsed)
    {
        var digits = new string((code ?? "").Where(char.IsAsciiDigit).ToArray());
        if (digits.Length != 6 || string.IsNullOrEmpty(base32Key)) return null;
        var key = FromBase32(base32Key);
        var current = StepAt(now);
        for (var step = current - 1; step <= current + 1; step++)
        {
            if (step <= lastUsed) continue;
            if (CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(CodeAt(key, step)), System.Text.Encoding.ASCII.GetBytes(digits)))
                return step;
        }
        return null;
    }

    private static string CodeAt(byte[] key, long step)
    {
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
#pragma warning disable CA5350 // RFC 6238 as authenticator apps implement it is HMAC-SHA-1; its use as a PRF here is not weakened by SHA-1 collisions.
        var hash = HMACSHA1.HashData(key, counter);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0F;
        var value = (BinaryPrimitives.ReadInt32BigEndian(hash.AsSpan(offset)) & 0x7FFFFFFF) % 1_000_000;
        return value.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static byte[] FromBase32(string s)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var (bits, buffer, bytes) = (0, 0, new List<byte>());
        foreach (var c in s.TrimEnd('=').ToUpperInvariant())
        {
            var index = alphabet.IndexOf(c, StringComparison.Ordinal);
            if (index < 0) continue;
            buffer = (buffer << 5) | index;
            bits += 5;
            if (bits < 8) continue;
            bytes.Add((byte)(buffer >> (bits - 8)));
            bits -= 8;
        }
        return [.. bytes];
    }
}
