using System.IO.Compression;
using System.Text;
using Microsoft.Extensions.Options;
using Tongban.Kernel.Audit.Checkpoints;
using Tongban.Kernel.Data;
using Tongban.Kernel.Errors;
using Tongban.Kernel.Keys;

namespace Tongban.Kernel.Backup;

/// <summary>
/// Puts a backup back into an instance that holds nothing yet (or, with <c>force</c>, over one). Everything is checked
/// before anything is written: the archive against its manifest, the provider, the passphrase for sealed keys, and that
/// the target is empty. Then the database, the material files, the keys and the checkpoint publish file are restored.
/// </summary>
public sealed class RestoreBackup(DatabaseCopy database, KeyFiles keys, CheckpointFile publishFile, IOptions<StorageOptions> storage, IOptions<DatabaseOptions> options)
{
    public async Task<BackupManifest> RunAsync(string path, string? passphrase, bool force, CancellationToken cancellationToken)
    {
        using var archive = ZipFile.OpenRead(path);
        var manifest = BackupManifest.ReadChecked(archive);
        if (manifest.Provider != options.Value.Provider.ToString())
            throw Refused("backup.provider", $"这是 {manifest.Provider} 的备份，本实例使用 {options.Value.Provider}", $"This is a backup of {manifest.Provider}; this instance runs on {options.Value.Provider}");
        var privateKeys = OpenKeys(archive, manifest, passphrase);
        if (!force) await RequireEmptyAsync(privateKeys, cancellationToken);

        var work = Directory.CreateTempSubdirectory("tongban-restore-").FullName;
        try
        {
            var databaseFile = Path.Combine(work, Path.GetFileName(manifest.Database));
            archive.GetEntry(manifest.Database)!.ExtractToFile(databaseFile);
            await database.RestoreAsync(databaseFile, replace: force, cancellationToken);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
        foreach (var entry in archive.Entries.Where(e => e.FullName.StartsWith("files/", StringComparison.Ordinal)))
        {
            var target = Path.GetFullPath(Path.Combine(FilesRoot, entry.FullName["files/".Length..]));
            if (!target.StartsWith(FilesRoot + Path.DirectorySeparatorChar, StringComparison.Ordinal)) continue; // a crafted name pointing outside
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            entry.ExtractToFile(target, overwrite: force);
        }
        foreach (var (name, content) in privateKeys) keys.WriteSecret(name, Encoding.UTF8.GetString(content));
        foreach (var entry in archive.Entries.Where(e => e.FullName.StartsWith("keys/", StringComparison.Ordinal) && keys.Read(e.Name) is null))
            keys.WritePublic(entry.Name, ReadText(entry));
        if (archive.GetEntry("audit-checkpoints.jsonl") is { } published) await MergePublishedAsync(ReadText(published), cancellationToken);
        return manifest;
    }

    private string FilesRoot => Path.GetFullPath(Path.Combine(storage.Value.DataDirectory, "files"));

    private static IReadOnlyDictionary<string, byte[]> OpenKeys(ZipArchive archive, BackupManifest manifest, string? passphrase)
    {
        if (!manifest.KeysSealed) return new Dictionary<string, byte[]>();
        if (passphrase is null)
            throw Refused("backup.passphrase_needed", "此备份含加密的密钥：请用 --passphrase-file 或 TONGBAN_BACKUP_PASSPHRASE 给出口令",
                "This backup holds sealed keys: give the passphrase with --passphrase-file or TONGBAN_BACKUP_PASSPHRASE");
        return SealedKeys.FromJson(ReadText(archive.GetEntry(BackupManifest.SealedKeysEntry)!)).Open(passphrase);
    }

    private async Task RequireEmptyAsync(IReadOnlyDictionary<string, byte[]> privateKeys, CancellationToken ct)
    {
        if (await database.HoldsTablesAsync(ct))
            throw Refused("backup.target_not_empty", "目标数据库不是空的：恢复到新实例，或加 --force 覆盖", "The target database is not empty: restore into a new instance, or add --force to replace it");
        if (Directory.Exists(FilesRoot) && Directory.EnumerateFiles(FilesRoot, "*", SearchOption.AllDirectories).Any())
            throw Refused("backup.target_not_empty", $"目标文件目录 {FilesRoot} 不是空的：恢复到新实例，或加 --force 覆盖", $"The target file store {FilesRoot} is not empty: restore into a new instance, or add --force");
        var clash = privateKeys.FirstOrDefault(k => keys.Read(k.Key) is { } existing && existing != Encoding.UTF8.GetString(k.Value)).Key;
        if (clash is not null)
            throw Refused("backup.key_clash", $"密钥目录中已有不同的 {clash}：加 --force 以备份中的密钥覆盖", $"The key directory already holds a different {clash}: add --force to replace it with the backup's");
    }

    /// <summary>Adds the backup's published checkpoints to this instance's publish file, each line once.</summary>
    private async Task MergePublishedAsync(string published, CancellationToken ct)
    {
        var have = File.Exists(publishFile.PublishPath) ? (await File.ReadAllLinesAsync(publishFile.PublishPath, ct)).ToHashSet(StringComparer.Ordinal) : [];
        var missing = published.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => !have.Contains(l)).ToList();
        if (missing.Count == 0) return;
        Directory.CreateDirectory(Path.GetDirectoryName(publishFile.PublishPath)!);
        await File.AppendAllLinesAsync(publishFile.PublishPath, missing, ct);
    }

    private static string ReadText(ZipArchiveEntry entry)
    {
        using var reader = new StreamReader(entry.Open(), Encoding.UTF8);
        return reader.ReadToEnd();
    }

    private static DomainException Refused(string code, string chinese, string english) => new(new DomainError(code, chinese, english, ErrorKind.Conflict));
}
