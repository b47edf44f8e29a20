using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Tongban.Kernel.Keys;

namespace Tongban.Kernel.PersonalData;

/// <summary>Section <c>PersonalData</c>: how personal data is sealed at rest.</summary>
public sealed class PersonalDataOptions
{
    public const string Section = "PersonalData";

    /// <summary>The cipher of a new key (the first, and each rotation's): <c>Aes256Gcm</c> or <c>Sm4Gcm</c>.</summary>
    public PersonalDataCipher Cipher { get; set; } = PersonalDataCipher.Aes256Gcm;

    /// <summary>The blind index's hash, fixed when the key file is made: <c>HmacSha256</c> or <c>HmacSm3</c>.</summary>
    public PersonalDataIndexHash IndexHash { get; set; } = PersonalDataIndexHash.HmacSha256;

    /// <summary>
    /// Whether a missing key file is made. Unset: only in Development and Testing. In production a missing key file is
    /// far more likely a lost mount than a new installation, and a new key would leave every sealed row unreadable;
    /// the first key is made with <c>tongban keys rotate-personal-data</c> (or by setting this once).
    /// </summary>
    public bool? CreateKeyFile { get; set; }
}

/// <summary>
/// The personal-data key ring, read from <c>personal-data.key</c> in the key directory (<see cref="KeyFiles"/>: 0600,
/// written atomically, backed up sealed with the signing keys by <c>tongban backup</c>). Never in the database.
/// </summary>
public sealed class PersonalDataKeyStore(KeyFiles files, IOptions<PersonalDataOptions> options, IHostEnvironment environment)
{
    public const string FileName = "personal-data.key";

    private readonly Lock _lock = new();
    private PersonalDataKeyRing? _ring;

    public PersonalDataKeyRing Ring => _ring ?? Load();

    public string FilePath => files.PathOf(FileName);

    /// <summary>Adds a new current key (the first when there is none) and returns the new ring; rows are re-sealed by <see cref="PersonalDataResealer"/>.</summary>
    public PersonalDataKeyRing Rotate()
    {
        lock (_lock)
        {
            var ring = files.Read(FileName) is { } text
                ? PersonalDataKeyRing.Parse(text).Rotated(options.Value.Cipher)
                : PersonalDataKeyRing.New(options.Value.Cipher, options.Value.IndexHash);
            files.WriteSecret(FileName, ring.ToText());
            return _ring = ring;
        }
    }

    private PersonalDataKeyRing Load()
    {
        lock (_lock)
        {
            if (_ring is not null) return _ring;
            var mayCreate = options.Value.CreateKeyFile ?? (environment.IsDevelopment() || environment.IsEnvironment("Testing"));
            var text = files.Read(FileName) ?? (mayCreate
                ? files.GetOrCreate(FileName, () => PersonalDataKeyRing.New(options.Value.Cipher, options.Value.IndexHash).ToText())
                : throw new InvalidOperationException(
                    $"个人数据密钥文件 {FilePath} 不存在，拒绝启动：请从备份恢复密钥目录，新安装请运行 tongban keys rotate-personal-data / " +
                    $"The personal-data key file {FilePath} is missing, so Tongban will not start: restore the key directory from a backup, " +
                    "or, for a new installation, run `tongban keys rotate-personal-data` (docs/operations.md, \"Keys\")."));
            return _ring = PersonalDataKeyRing.Parse(text);
        }
    }
}
