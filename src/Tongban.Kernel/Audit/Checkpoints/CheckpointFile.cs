using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Tongban.Kernel.Data;
using Tongban.Kernel.Keys;

namespace Tongban.Kernel.Audit.Checkpoints;

/// <summary>An export of checkpoints: the public keys to check them with, and the checkpoints of every chain.</summary>
public sealed record CheckpointExport(string Format, DateTimeOffset ExportedAt, IReadOnlyList<ExportedKey> PublicKeys, IReadOnlyList<ChainCheckpoint> Checkpoints)
{
    public const string FormatName = "tongban-chain-checkpoints/1";
}

public sealed record ExportedKey(string KeyId, string Algorithm, string Pem);

/// <summary>
/// Checkpoints on disk. The publish file (<see cref="CheckpointOptions.PublishFile"/>) gets one JSON line per checkpoint
/// this instance signs; <c>tongban audit checkpoints export</c> writes one JSON document with the public keys. Reading
/// takes either form, so <c>tongban audit verify --checkpoints FILE</c> accepts both.
/// </summary>
public sealed class CheckpointFile(IOptions<CheckpointOptions> options, IOptions<StorageOptions> storage)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly JsonSerializerOptions Indented = new(Json) { WriteIndented = true };

    public string PublishPath => Path.GetFullPath(string.IsNullOrWhiteSpace(options.Value.PublishFile)
        ? Path.Combine(storage.Value.DataDirectory, "audit-checkpoints.jsonl") : options.Value.PublishFile);

    /// <summary>Appends one line; a single small append, so lines of several processes do not interleave.</summary>
    public async Task PublishAsync(ChainCheckpoint checkpoint, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(PublishPath)!);
        await File.AppendAllTextAsync(PublishPath, JsonSerializer.Serialize(checkpoint, Json) + "\n", Encoding.UTF8, cancellationToken);
    }

    public static async Task WriteExportAsync(string path, IReadOnlyList<PublicSigningKey> keys, IReadOnlyList<ChainCheckpoint> checkpoints, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var export = new CheckpointExport(CheckpointExport.FormatName, at, [.. keys.Select(k => new ExportedKey(k.KeyId, k.Algorithm, k.Pem))], checkpoints);
        await using var stream = File.Create(path);
        await JsonSerializer.SerializeAsync(stream, export, Indented, cancellationToken);
    }

    /// <summary>The checkpoints in an export or a publish file; none when the file does not exist.</summary>
    public static async Task<IReadOnlyList<ChainCheckpoint>> ReadAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path)) return [];
        var text = await File.ReadAllTextAsync(path, cancellationToken);
        try
        {
            if (JsonSerializer.Deserialize<CheckpointExport>(text, Json) is { Format: CheckpointExport.FormatName } export) return export.Checkpoints;
        }
        catch (JsonException)
        {
            // Not one document: JSON lines.
        }
        return [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => JsonSerializer.Deserialize<ChainCheckpoint>(line, Json)!)];
    }
}
