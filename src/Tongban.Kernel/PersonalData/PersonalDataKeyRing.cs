using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Tongban.Kernel.PersonalData;

/// <summary>The cipher a personal-data key is used with: AES-256-GCM (default) or SM4-GCM (GB/T 32907, national algorithms).</summary>
public enum PersonalDataCipher
{
    Aes256Gcm,
    Sm4Gcm,
}

/// <summary>The keyed hash of the blind index: HMAC-SHA256 (default) or HMAC-SM3.</summary>
public enum PersonalDataIndexHash
{
    HmacSha256,
    HmacSm3,
}

/// <summary>One encryption key of the ring; its id is written into every value it seals, so a rotated-out key still opens old rows.</summary>
public sealed record PersonalDataKey(int Id, PersonalDataCipher Cipher, byte[] Secret);

/// <summary>
/// The personal-data key file (<c>personal-data.key</c> in the key directory): the blind-index key, which never
/// rotates (the index of a value must stay the same for look-ups to find it), and the encryption keys, the newest
/// current. One line each, so an operator can read what it holds without a tool:
/// <code>
/// tongban-personal-data/1
/// index hmac-sha256 BASE64
/// key 1 aes-256-gcm BASE64
/// current 1
/// </code>
/// </summary>
public sealed record PersonalDataKeyRing(PersonalDataIndexHash IndexHash, byte[] IndexSecret, IReadOnlyList<PersonalDataKey> Keys, int CurrentId)
{
    private const string Header = "tongban-personal-data/1";

    public PersonalDataKey Current => Keys.Single(k => k.Id == CurrentId);

    public static PersonalDataKeyRing New(PersonalDataCipher cipher, PersonalDataIndexHash indexHash) =>
        new(indexHash, RandomNumberGenerator.GetBytes(32), [NewKey(1, cipher)], 1);

    /// <summary>The ring with a new current key; the older keys stay to open what they sealed.</summary>
    public PersonalDataKeyRing Rotated(PersonalDataCipher cipher)
    {
        var id = Keys.Max(k => k.Id) + 1;
        return this with { Keys = [.. Keys, NewKey(id, cipher)], CurrentId = id };
    }

    private static PersonalDataKey NewKey(int id, PersonalDataCipher cipher) =>
        new(id, cipher, RandomNumberGenerator.GetBytes(cipher == PersonalDataCipher.Aes256Gcm ? 32 : 16));

    public string ToText()
    {
        var text = new StringBuilder().Append(Header).Append('\n');
        text.Append(CultureInfo.InvariantCulture, $"index {Name(IndexHash)} {Convert.ToBase64String(IndexSecret)}\n");
        foreach (var key in Keys) text.Append(CultureInfo.InvariantCulture, $"key {key.Id} {Name(key.Cipher)} {Convert.ToBase64String(key.Secret)}\n");
        return text.Append(CultureInfo.InvariantCulture, $"current {CurrentId}\n").ToString();
    }

    public static PersonalDataKeyRing Parse(string text)
    {
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (lines.Length < 3 || lines[0] != Header) throw Invalid("the first line is not " + Header);
        (PersonalDataIndexHash, byte[])? index = null;
        var keys = new List<PersonalDataKey>();
        int? current = null;
        foreach (var parts in lines.Skip(1).Select(l => l.Split(' ')))
        {
            switch (parts)
            {
                case ["index", var hash, var secret]: index = (ParseEnum<PersonalDataIndexHash>(hash), Convert.FromBase64String(secret)); break;
                case ["key", var id, var cipher, var secret]: keys.Add(new(int.Parse(id, CultureInfo.InvariantCulture), ParseEnum<PersonalDataCipher>(cipher), Convert.FromBase64String(secret))); break;
                case ["current", var id]: current = int.Parse(id, CultureInfo.InvariantCulture); break;
                default: throw Invalid("unknown line " + parts[0]);
            }
        }
        if (index is null || current is null || keys.All(k => k.Id != current)) throw Invalid("the index key, a key or the current key is missing");
        return new(index.Value.Item1, index.Value.Item2, keys, current.Value);
    }

    public static string Name<TEnum>(TEnum value) where TEnum : struct, Enum => value switch
    {
        PersonalDataCipher.Aes256Gcm => "aes-256-gcm",
        PersonalDataCipher.Sm4Gcm => "sm4-gcm",
        PersonalDataIndexHash.HmacSha256 => "hmac-sha256",
        PersonalDataIndexHash.HmacSm3 => "hmac-sm3",
        _ => throw new ArgumentOutOfRangeException(nameof(value)),
    };

    private static TEnum ParseEnum<TEnum>(string name) where TEnum : struct, Enum =>
        Enum.GetValues<TEnum>().FirstOrDefault(v => Name(v) == name) is var found && Name(found) == name ? found : throw Invalid("unknown algorithm " + name);

    private static InvalidOperationException Invalid(string why) => new($"个人数据密钥文件无法读取 / The personal-data key file cannot be read: {why}.");
}
