using System.Security.Cryptography;

namespace Tongban.Identity.Domain;

/// <summary>
/// One of a staff member's ten recovery codes (恢复码), usable once in place of an authenticator code when the phone is
/// lost. Ten characters of Crockford's base32 (50 bits, from the CSPRNG), shown once as <c>XXXXX-XXXXX</c>; stored only
/// as an Argon2id hash with its own salt, as ASVS 6.5.2 asks of lookup secrets under 112 bits.
/// </summary>
internal sealed class RecoveryCode
{
    public const int SetSize = 10;
    private const int Length = 10;
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    private RecoveryCode() { }

    public Guid Id { get; private set; }
    public Guid AccountId { get; private set; }
    public string Hash { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? UsedAt { get; private set; }

    /// <summary>A new set: the rows to keep and the codes to show, once.</summary>
    public static (RecoveryCode[] Rows, string[] Shown) NewSet(Guid account, Func<string, string> hash, DateTimeOffset at)
    {
        var plain = Enumerable.Range(0, SetSize).Select(_ => RandomNumberGenerator.GetString(Alphabet, Length)).ToArray();
        var rows = plain.Select(p => new RecoveryCode { Id = Guid.CreateVersion7(), AccountId = account, Hash = hash(p), CreatedAt = at }).ToArray();
        return (rows, [.. plain.Select(p => p[..5] + "-" + p[5..])]);
    }

    /// <summary>What a person typed, as a code: upper case, without spaces and dashes, the letters Crockford reads as digits mapped; null when it cannot be one.</summary>
    public static string? Normalize(string? typed)
    {
        var chars = (typed ?? "").ToUpperInvariant().Where(c => c is not (' ' or '-')).Select(c => c switch { 'O' => '0', 'I' or 'L' => '1', _ => c }).ToArray();
        return chars.Length == Length && chars.All(c => Alphabet.Contains(c, StringComparison.Ordinal)) ? new string(chars) : null;
    }
}
