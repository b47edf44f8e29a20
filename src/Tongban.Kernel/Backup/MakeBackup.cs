using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Tongban.Kernel.Audit;
using Tongban.Kernel.Audit.Checkpoints;
using Tongban.Kernel.Data;
using Tongban.Kernel.Keys;

namespace Tongban.Kernel.Backup;

/// <summary>What a backup holds, and the private key files it left out (no passphrase: back them up apart).</summary>
public sealed record BackupSummary(BackupManifest Manifest, IReadOnlyList<string> PrivateKeysLeftOut);

/// <summary>
/// Writes one archive (ZIP) of an instance: the database (a consistent copy), the material files, the checkpoint publish
/// file, the public keys, and — sealed under a passphrase, only when one is given — the private keys. It first signs a
/// checkpoint of every chain, so the copy is covered to its last entry. The database is copied before the files: a
/// file added meanwhile is carried without a row naming it, rather than a row naming a file not carried.
/// </summary>
public sealed class MakeBackup(DatabaseCopy database, KeyFiles keys, CheckpointFile publishFile, CheckpointSigner signer, IServiceScopeFactory scopes,
    IOptions<StorageOptions> storage, IOptions<DatabaseOptions> options, TimeProvider clock)
{
    public async Task<BackupSummary> RunAsync(string output, string? passphrase, CancellationToken cancellationToken)
    {
        if (passphrase is not null) SealedKeys.RequireStrong(passphrase);
        database.RequireTools();
        await signer.SignDueAsync(force: true, cancellationToken);
        var chains = await HeadsAsync(cancellationToken);
        var work = Directory.CreateTempSubdirectory("tongban-backup-").FullName;
        var partial = output + ".part";
        try
        {
            var databaseFile = Path.Combine(work, database.FileName);
            await database.SaveAsync(databaseFile, cancellationToken);
            var entries = new List<BackupEntry>();
            var (privateKeys, leftOut) = PrivateKeys(passphrase);
            using (var zip = ZipFile.Open(partial, ZipArchiveMode.Create))
            {
                entries.Add(AddFile(zip, "database/" + database.FileName, databaseFile));
                foreach (var file in MaterialFiles()) entries.Add(AddFile(zip, "files/" + Path.GetRelativePath(FilesRoot, file).Replace('\\', '/'), file));
                foreach (var name in keys.Find("*.pub")) entries.Add(AddFile(zip, "keys/" + name, keys.PathOf(name)));
                if (File.Exists(publishFile.PublishPath)) entries.Add(AddFile(zip, "audit-checkpoints.jsonl", publishFile.PublishPath));
                if (privateKeys.Count > 0) entries.Add(Add(zip, BackupManifest.SealedKeysEntry, Encoding.UTF8.GetBytes(SealedKeys.Seal(privateKeys, passphrase!).ToJson())));
                var manifest = new BackupManifest(BackupManifest.FormatName, clock.GetUtcNow(), options.Value.Provider.ToString(), "database/" + database.FileName,
                    privateKeys.Count > 0, chains, entries);
                Add(zip, BackupManifest.FileName, Encoding.UTF8.GetBytes(manifest.ToJson()));
                File.Move(partial, output, overwrite: true);
                return new BackupSummary(manifest, leftOut);
            }
        }
        finally
        {
            Directory.Delete(work, recursive: true);
            File.Delete(partial);
        }
    }

    private string FilesRoot => Path.GetFullPath(Path.Combine(storage.Value.DataDirectory, "files"));

    // Uploads still being received live under files/tmp and are not materials yet.
    private IEnumerable<string> MaterialFiles() => Directory.Exists(FilesRoot)
        ? Directory.EnumerateFiles(FilesRoot, "*", SearchOption.AllDirectories).Where(f => !Path.GetRelativePath(FilesRoot, f).StartsWith("tmp", StringComparison.Ordinal)).Order(StringComparer.Ordinal)
        : [];

    private (Dictionary<string, byte[]> Sealed, IReadOnlyList<string> LeftOut) PrivateKeys(string? passphrase)
    {
        var names = keys.Find("*").Where(n => !n.EndsWith(".pub", StringComparison.Ordinal)).ToList();
        return passphrase is null ? ([], names) : (names.ToDictionary(n => n, n => File.ReadAllBytes(keys.PathOf(n))), []);
    }

    private async Task<List<BackupChain>> HeadsAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var heads = new List<BackupChain>();
        foreach (var chain in scope.ServiceProvider.GetServices<IHashChain>())
        {
            var head = await chain.HeadAsync(ct);
            heads.Add(new BackupChain(chain.Name, head.Sequence, head.Hash));
        }
        return heads;
    }

    /// <summary>Streams a file into the archive, hashing it on the way (a database may be gigabytes).</summary>
    private static BackupEntry AddFile(ZipArchive zip, string path, string source)
    {
        using var input = File.OpenRead(source);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[1 << 16];
        long size = 0;
        using (var output = zip.CreateEntry(path, CompressionLevel.Fastest).Open())
        {
            for (int read; (read = input.Read(buffer)) > 0; size += read)
            {
                hash.AppendData(buffer, 0, read);
                output.Write(buffer, 0, read);
            }
        }
        return new BackupEntry(path, size, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    private static BackupEntry Add(ZipArchive zip, string path, byte[] content)
    {
        using (var stream = zip.CreateEntry(path, CompressionLevel.Fastest).Open()) stream.Write(content);
        return new BackupEntry(path, content.Length, Convert.ToHexStringLower(SHA256.HashData(content)));
    }
}
