using System.Globalization;
using System.Text;

namespace Tongban.Kernel.PersonalData;

/// <summary>
/// Seals and opens personal data (ID numbers, phone numbers) for the columns that hold it, and computes their blind
/// index. A sealed value reads <c>pd1.KEYID.BASE64</c> (nonce, ciphertext, tag), so any key of the ring opens what it
/// sealed and a rotation can find what the current key did not seal. A value without the prefix is a row written before
/// its column was sealed; it opens as itself until <see cref="PersonalDataResealer"/> seals it. The index is an HMAC under
/// its own key (truncated to 128 bits, Base64): equal values give equal indexes, so a look-up or a unique index works on
/// it, while the database alone — a copy, a dump — shows neither the value nor a way to test a guess.
/// </summary>
public sealed class PersonalDataProtector(PersonalDataKeyStore store)
{
    public const string Prefix = "pd1.";

    private PersonalDataKeyRing Ring => store.Ring;

    public string Seal(string value)
    {
        var key = Ring.Current;
        var associated = Associated(key.Id);
        return Encoding.ASCII.GetString(associated) + "." + Convert.ToBase64String(PersonalDataCrypto.Encrypt(key, Encoding.UTF8.GetBytes(value), associated));
    }

    public string Open(string stored)
    {
        if (!stored.StartsWith(Prefix, StringComparison.Ordinal)) return stored;
        var dot = stored.IndexOf('.', Prefix.Length);
        var id = int.Parse(stored.AsSpan(Prefix.Length, dot - Prefix.Length), CultureInfo.InvariantCulture);
        var key = Ring.Keys.FirstOrDefault(k => k.Id == id)
            ?? throw new InvalidOperationException($"个人数据密钥 {id} 不在密钥文件中 / Personal-data key {id} is not in the key file; restore the key file that sealed this value.");
        return Encoding.UTF8.GetString(PersonalDataCrypto.Decrypt(key, Convert.FromBase64String(stored[(dot + 1)..]), Associated(id)));
    }

    public string Index(string value) =>
        Convert.ToBase64String(PersonalDataCrypto.Index(Ring.IndexHash, Ring.IndexSecret, value), 0, 16);

    /// <summary>The start every value sealed under the current key has (what a rotation leaves alone).</summary>
    public string CurrentPrefix => Prefix + Ring.CurrentId.ToString(CultureInfo.InvariantCulture) + ".";

    private static byte[] Associated(int keyId) => Encoding.ASCII.GetBytes(Prefix + keyId.ToString(CultureInfo.InvariantCulture));
}
