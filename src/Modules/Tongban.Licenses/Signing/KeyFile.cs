using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Tongban.Kernel.Data;

namespace Tongban.Licenses.Signing;

/// <summary>
/// The master key that seals the authorities' private keys: 32 random bytes in a file outside the database
/// (<c>Licenses:KeyFile</c>, default <c>{Storage:DataDirectory}/keys/licenses.key</c>, created with mode 0600 on first
/// use). The database holds private keys only sealed with it (AES-256-GCM, the key id as associated data), so a copy
/// of the database alone signs nothing. Every instance of a deployment must be given the same file.
/// </summary>
internal sealed class KeyFile(IOptions<LicensesOptions> options, IOptions<StorageOptions> storage)
{
    private const byte FormatVersion = 1;
    private readonly Lazy<(byte[] Key, string Id)> _key = new(() => Load(Path(options.Value, storage.Value)));

    /// <summary>Names the master key (a hash of it), so a sealed key says which file it needs.</summary>
    public string Id => _key.Value.Id;

    public byte[] Seal(string keyId, byte[] secret)
    {
        var nonce = RandomNumberGenerator.GetBytes(12);
        var sealedBytes = new byte[1 + 12 + 16 + secret.Length];
        sealedBytes[0] = FormatVersion;
        nonce.CopyTo(sealedBytes, 1);
        using var aes = new AesGcm(_key.Value.Key, 16);
        aes.Encrypt(nonce, secret, sealedBytes.AsSpan(29), sealedBytes.AsSpan(13, 16), Encoding.UTF8.GetBytes(keyId));
        return sealedBytes;
    }

    public byte[] Open(string keyId, byte[] sealedBytes, string sealedWith)
    {
        if (sealedWith != Id || sealedBytes.Length < 29 || sealedBytes[0] != FormatVersion)
            throw new InvalidOperationException($"The signing key {keyId} was sealed with master key {sealedWith}, but Licenses:KeyFile holds {Id}; give this instance the deployment's key file.");
        var secret = new byte[sealedBytes.Length - 29];
        using var aes = new AesGcm(_key.Value.Key, 16);
        aes.Decrypt(sealedBytes.AsSpan(1, 12), sealedBytes.AsSpan(29), sealedBytes.AsSpan(13, 16), secret, Encoding.UTF8.GetBytes(keyId));
        return secret;
    }

    private static string Path(LicensesOptions options, StorageOptions storage) =>
        System.IO.Path.GetFullPath(options.KeyFile ?? System.IO.Path.Combine(storage.DataDirectory, "keys", "licenses.key"));

    private static (byte[], string) Load(string path)
    {
        if (!File.Exists(path)) Create(path);
        var key = Convert.FromBase64String(File.ReadAllText(path).Trim());
        if (key.Length != 32) throw new InvalidOperationException($"The license key file {path} does not hold a 32-byte key.");
        return (key, Convert.ToHexStringLower(SHA256.HashData(key))[..16]);
    }

    private static void Create(string path)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        var file = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) file.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        try
        {
            using var writer = new StreamWriter(path, Encoding.ASCII, file);
            writer.Write(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        }
        catch (IOException) when (File.Exists(path))
        {
            // another instance or thread made it first: use theirs
        }
    }
}
