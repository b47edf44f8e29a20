using System.Buffers.Binary;
using System.Collections.Concurrent;
using PdfSharp.Fonts;

namespace Tongban.Kernel.Documents;

/// <summary>
/// The CJK font PDFs embed (<see cref="DocumentOptions"/>: <c>Documents:FontFile</c>, <c>FontIndex</c>), given to PDFsharp through its process-wide
/// font resolver. A face is named by its file and index, so instances configured differently do not mix. PDFsharp
/// reads single TrueType fonts only, so a face of a collection (.ttc, as the Debian CJK packages ship) is copied out
/// into a font of its own: its table directory rewritten, the tables unchanged.
/// </summary>
public sealed class CjkFont : IFontResolver
{
    private static readonly Lock Gate = new();
    private static readonly CjkFont Instance = new();
    private readonly ConcurrentDictionary<string, byte[]> _faces = new(StringComparer.Ordinal);

    /// <summary>The family name to draw with for the configured file and index, the resolver installed once per process.</summary>
    public static string Family(DocumentOptions options)
    {
        var (file, index) = (options.FontFile, options.FontIndex);
        lock (Gate)
        {
            if (GlobalFontSettings.FontResolver is not CjkFont) GlobalFontSettings.FontResolver = Instance;
        }
        var name = $"tongban-cjk|{index}|{file}";
        Instance._faces.GetOrAdd(name, _ => Load(file, index));
        return name;
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        _faces.ContainsKey(familyName) ? new FontResolverInfo(familyName) : null;

    public byte[]? GetFont(string faceName) => _faces.GetValueOrDefault(faceName);

    private static byte[] Load(string file, int index)
    {
        if (!File.Exists(file))
            throw new InvalidOperationException($"Documents:FontFile '{file}' does not exist: install fonts-wqy-microhei or name another CJK TrueType font.");
        var bytes = File.ReadAllBytes(file);
        return BinaryPrimitives.ReadUInt32BigEndian(bytes) == 0x74746366 ? Extract(bytes, index) : bytes; // 'ttcf'
    }

    /// <summary>Face <paramref name="index"/> of a TrueType collection as a standalone font.</summary>
    private static byte[] Extract(byte[] ttc, int index)
    {
        var count = (int)BinaryPrimitives.ReadUInt32BigEndian(ttc.AsSpan(8));
        if (index < 0 || index >= count) throw new InvalidOperationException($"Documents:FontIndex {index} is outside the collection's {count} fonts.");
        var start = (int)BinaryPrimitives.ReadUInt32BigEndian(ttc.AsSpan(12 + 4 * index));
        var tables = BinaryPrimitives.ReadUInt16BigEndian(ttc.AsSpan(start + 4));
        var headerLength = 12 + 16 * tables;
        var records = Enumerable.Range(0, tables).Select(i => start + 12 + 16 * i)
            .Select(r => (Record: r, Offset: (int)BinaryPrimitives.ReadUInt32BigEndian(ttc.AsSpan(r + 8)), Length: (int)BinaryPrimitives.ReadUInt32BigEndian(ttc.AsSpan(r + 12))))
            .ToList();
        var output = new byte[headerLength + records.Sum(r => (r.Length + 3) & ~3)];
        ttc.AsSpan(start, 12).CopyTo(output);
        var at = headerLength;
        for (var i = 0; i < records.Count; i++)
        {
            var (record, offset, length) = records[i];
            ttc.AsSpan(record, 16).CopyTo(output.AsSpan(12 + 16 * i));
            BinaryPrimitives.WriteUInt32BigEndian(output.AsSpan(12 + 16 * i + 8), (uint)at);
            ttc.AsSpan(offset, length).CopyTo(output.AsSpan(at));
            at += (length + 3) & ~3;
        }
        return output;
    }
}
