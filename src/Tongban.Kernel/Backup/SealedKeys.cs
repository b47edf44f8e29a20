using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using NSec.Cryptography;
using Tongban.Kernel.Errors;

namespace Tongban.Kernel.Backup;

/// <summary>
/// The key directory's private files, sealed for a backup: zipped, then encrypted with AES-256-GCM under a key derived
/// from the operator's passphrase with Argon2id (64 MiB, 3 passes, fresh 16-byte salt). The archive never holds a key
/// in clear; without the passphrase the sealed part is noise, and a wrong passphrase or a changed byte fails the tag.
/// </summary>
internal sealed record SealedKeys(string Format, int MemoryKib, int Passes, string Salt, string Nonce, string Ciphertext, string Tag)
{
    public const string FormatName = "tongban-sealed-keys/1";
    public const int MinimumPassphrase = 12;
    private const int MemoryKibDefault = 64 * 1024;
    private const int PassesDefault = 3;

    public static SealedKeys Seal(IReadOnlyDictionary<string, byte[]> files, string passphrase)
    {
        var (salt, nonce) = (RandomNumberGenerator.GetBytes(16), RandomNumberGenerator.GetBytes(AesGcm.NonceByteSizes.MaxSize));
        var plain = Zip(files);
        var (cipher, tag) = (new byte[plain.Length], new byte[AesGcm.TagByteSizes.MaxSize]);
        using (var aes = new AesGcm(Derive(passphrase, salt, MemoryKibDefault, PassesDefault), tag.Length))
            aes.Encrypt(nonce, plain, cipher, tag);
        return new(FormatName, MemoryKibDefault, PassesDefault, Convert.ToBase64String(salt), Convert.ToBase64String(nonce),
            Convert.ToBase64String(cipher), Convert.ToBase64String(tag));
    }

    public IReadOnlyDictionary<string, byte[]> Open(string passphrase)
    {
        var cipher = Convert.FromBase64String(Ciphertext);
        var (tag, plain) = (Convert.FromBase64String(Tag), new byte[cipher.Length]);
        try
        {
            using var aes = new AesGcm(Derive(passphrase, Convert.FromBase64String(Salt), MemoryKib, Passes), tag.Length);
            aes.Decrypt(Convert.FromBase64String(Nonce), cipher, tag, plain);
        }
        catch (AuthenticationTagMismatchException)
        {
            throw new DomainException(new DomainError("backup.wrong_passphrase", "口令不对，或备份中的密钥已被改动",
                "The passphrase is wrong, or the sealed keys in the backup were changed"));
        }
        return Unzip(plain);
    }

    public static string RequireStrong(string? passphrase) => passphrase is { Length: >= MinimumPassphrase } ? passphrase
        : throw new DomainException(new DomainError("backup.weak_passphrase", $"备份口令至少{MinimumPassphrase}个字符",
            $"The backup passphrase must have at least {MinimumPassphrase} characters"));

    public string ToJson() => JsonSerializer.Serialize(this);

    public static SealedKeys FromJson(string json) => JsonSerializer.Deserialize<SealedKeys>(json) is { Format: FormatName } sealedKeys ? sealedKeys
        : throw new DomainException(new DomainError("backup.sealed_keys", "备份中的密钥格式不认识", "The backup's sealed keys are in a format this version does not know"));

    private static byte[] Derive(string passphrase, byte[] salt, int memoryKib, int passes) =>
        PasswordBasedKeyDerivationAlgorithm.Argon2id(new Argon2Parameters { MemorySize = memoryKib, NumberOfPasses = passes, DegreeOfParallelism = 1 })
            .DeriveBytes(passphrase, salt, 32);

    private static byte[] Zip(IReadOnlyDictionary<string, byte[]> files)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (name, content) in files)
            {
                using var entry = zip.CreateEntry(name).Open();
                entry.Write(content);
            }
        return buffer.ToArray();
    }

    private static Dictionary<string, byte[]> Unzip(byte[] plain)
    {
        using var zip = new ZipArchive(new MemoryStream(plain), ZipArchiveMode.Read);
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var entry in zip.Entries)
        {
            using var content = new MemoryStream();
            using (var stream = entry.Open()) stream.CopyTo(content);
            files[entry.Name] = content.ToArray();
        }
        return files;
    }
}
