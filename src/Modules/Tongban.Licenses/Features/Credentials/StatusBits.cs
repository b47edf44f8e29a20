using System.IO.Compression;

namespace Tongban.Licenses.Features.Credentials;

/// <summary>
/// A Bitstring Status List (W3C, v1.0): one bit a license, bit 0 the left-most of the first byte, at least 131,072
/// bits (16 KB) so one license's bit hides among many; encoded as GZIP, then multibase base64url without padding ('u').
/// </summary>
internal static class StatusBits
{
    public const int MinBits = 131_072;

    public static string Encode(IEnumerable<int> setIndexes)
    {
        var indexes = setIndexes.ToList();
        var bits = Math.Max(MinBits, indexes.Count == 0 ? 0 : (indexes.Max() / 8 + 1) * 8);
        var bytes = new byte[bits / 8];
        foreach (var i in indexes) bytes[i / 8] |= (byte)(0x80 >> (i % 8));
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true)) gzip.Write(bytes);
        return "u" + Jws.Base64Url(buffer.ToArray());
    }
}
