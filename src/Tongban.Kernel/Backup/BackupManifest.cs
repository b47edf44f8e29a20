using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using Tongban.Kernel.Errors;

namespace Tongban.Kernel.Backup;

/// <summary>One file in a backup, with its size and SHA-256, checked before a restore writes anything.</summary>
public sealed record BackupEntry(string Path, long Size, string Sha256);

/// <summary>A chain's head when the backup was taken.</summary>
public sealed record BackupChain(string Name, long Sequence, string Hash);

/// <summary>
/// What a backup holds (<c>manifest.json</c> at the archive's root): the provider, the database file, every entry with
/// its hash, the chains' heads, and whether the private keys are in it (sealed) or only the public ones.
/// </summary>
public sealed record BackupManifest(string Format, DateTimeOffset CreatedAt, string Provider, string Database, bool KeysSealed,
    IReadOnlyList<BackupChain> Chains, IReadOnlyList<BackupEntry> Entries)
{
    public const string FormatName = "tongban-backup/1";
    public const string FileName = "manifest.json";
    public const string SealedKeysEntry = "keys.sealed";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Reads the manifest and checks every entry's size and hash; a backup that does not match is refused whole.</summary>
    public static BackupManifest ReadChecked(ZipArchive archive)
    {
        var manifest = archive.GetEntry(FileName) is { } entry ? Read(entry) : null;
        if (manifest is not { Format: FormatName }) throw Unreadable("no manifest of this version", "没有本版本的清单");
        foreach (var expected in manifest.Entries)
        {
            var actual = archive.GetEntry(expected.Path) ?? throw Unreadable($"{expected.Path} is missing", $"缺少 {expected.Path}");
            using var stream = actual.Open();
            if (actual.Length != expected.Size || Convert.ToHexStringLower(SHA256.HashData(stream)) != expected.Sha256)
                throw Unreadable($"{expected.Path} does not match its hash", $"{expected.Path} 与其哈希不符");
        }
        return manifest;
    }

    private static BackupManifest? Read(ZipArchiveEntry entry)
    {
        try
        {
            using var stream = entry.Open();
            return JsonSerializer.Deserialize<BackupManifest>(stream, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static DomainException Unreadable(string english, string chinese) => new(new DomainError("backup.damaged",
        $"备份文件已损坏或不完整（{chinese}），未恢复任何内容", $"The backup is damaged or incomplete ({english}); nothing was restored"));
}
