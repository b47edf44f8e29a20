using System.Buffers;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Tongban.Kernel.Data;
using Tongban.Kernel.Errors;

namespace Tongban.Kernel.Files;

/// <summary>
/// Files on local disk under <c>{Storage:DataDirectory}/files</c>, outside anything the web host serves. An upload is
/// streamed into a temporary file while it is counted and hashed, checked, and only then moved under its id.
/// </summary>
internal sealed class LocalFileStore(IOptions<StorageOptions> storage, IOptions<FilesOptions> files) : IFileStore
{
    private const int IdLength = 64;

    private string Root => Path.GetFullPath(Path.Combine(storage.Value.DataDirectory, "files"));

    public async Task<StoredFile> SaveAsync(Stream content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var temp = Path.Combine(Root, "tmp", RandomNumberGenerator.GetHexString(32, lowercase: true) + ".part");
        Directory.CreateDirectory(Path.GetDirectoryName(temp)!);
        try
        {
            string sha256;
            long size;
            FileKind kind;
            await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, useAsync: true))
            {
                (sha256, size) = await CopyAsync(content, file, files.Value.MaxBytes, cancellationToken);
                if (size == 0) throw Refused("file.empty", "文件是空的", "The file is empty");
                kind = FileKinds.Detect(file)
                    ?? throw Refused("file.type", "只接受PDF、JPG、PNG或OFD文件（按文件内容判断，而不是文件名）", "Only PDF, JPG, PNG or OFD files are taken (judged by content, not by name)");
            }
            var id = RandomNumberGenerator.GetHexString(IdLength, lowercase: true);
            var path = PathOf(id);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.Move(temp, path);
            return new StoredFile(id, sha256, size, kind);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    public Task<Stream?> OpenAsync(string id, CancellationToken cancellationToken)
    {
        var path = IsId(id) ? PathOf(id) : null;
        Stream? stream = path is not null && File.Exists(path)
            ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true)
            : null;
        return Task.FromResult(stream);
    }

    public Task<bool> DeleteAsync(string id, CancellationToken cancellationToken)
    {
        if (!IsId(id) || !File.Exists(PathOf(id))) return Task.FromResult(false);
        File.Delete(PathOf(id));
        return Task.FromResult(true);
    }

    private static bool IsId(string? id) => id is { Length: IdLength } && id.All(char.IsAsciiHexDigitLower);

    private string PathOf(string id) => Path.Combine(Root, id[..2], id);

    /// <summary>Copies at most <paramref name="limit"/> bytes, hashing as it goes; one byte more and the upload is refused.</summary>
    private static async Task<(string Sha256, long Size)> CopyAsync(Stream source, Stream target, long limit, CancellationToken ct)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = ArrayPool<byte>.Shared.Rent(81920);
        try
        {
            long size = 0;
            int read;
            while ((read = await source.ReadAsync(buffer, ct)) > 0)
            {
                size += read;
                if (size > limit)
                    throw Refused("file.too_large", $"文件不能超过{Megabytes(limit)}", $"A file cannot exceed {Megabytes(limit)}");
                hash.AppendData(buffer, 0, read);
                await target.WriteAsync(buffer.AsMemory(0, read), ct);
            }
            await target.FlushAsync(ct);
            return (Convert.ToHexStringLower(hash.GetHashAndReset()), size);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static string Megabytes(long bytes) =>
        bytes % (1024 * 1024) == 0 ? $"{bytes / (1024 * 1024)} MB" : $"{bytes} bytes";

    private static DomainException Refused(string code, string zh, string en) => new(new DomainError(code, zh, en, Field: "file"));
}
