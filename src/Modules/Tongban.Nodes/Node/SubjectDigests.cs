using System.Security.Cryptography;
using System.Text;
using Tongban.Kernel.Keys;

namespace Tongban.Nodes.Node;

/// <summary>
/// The subject digest of a message: HMAC-SHA-256 of the subject's key (an ID number, upper case) under the node's log
/// key, a secret file in the kernel's key directory. The log never holds an ID number; an auditor given the key can
/// still answer "was this person's data read through this node".
/// </summary>
internal sealed class SubjectDigests(KeyFiles files)
{
    private const string KeyName = "node-log-subject.key";
    private readonly Lazy<byte[]> _key = new(() => Convert.FromBase64String(files.GetOrCreate(KeyName, () => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))).Trim()));

    public string Of(string subjectKey) => Convert.ToHexStringLower(HMACSHA256.HashData(_key.Value, Encoding.UTF8.GetBytes(subjectKey.Trim().ToUpperInvariant())));

    /// <summary>The digest of a message body: SHA-256 of its UTF-8 bytes, hex.</summary>
    public static string OfBody(string body) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(body)));
}
