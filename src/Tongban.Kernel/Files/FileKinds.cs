using System.IO.Compression;

namespace Tongban.Kernel.Files;

/// <summary>Tells a file's kind from its first bytes (and, for OFD, from the entries of its ZIP package).</summary>
public static class FileKinds
{
    private static readonly byte[] PdfMagic = "%PDF-"u8.ToArray();
    private static readonly byte[] JpegMagic = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] PngMagic = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] ZipMagic = [0x50, 0x4B, 0x03, 0x04];

    public static string ContentType(FileKind kind) => kind switch
    {
        FileKind.Pdf => "application/pdf",
        FileKind.Jpeg => "image/jpeg",
        FileKind.Png => "image/png",
        FileKind.Ofd => "application/ofd",
        _ => "application/octet-stream",
    };

    /// <summary>A file's kind as a reader names it (PDF, JPG, PNG, OFD) from its content type; never the content type itself.</summary>
    public static string Describe(string contentType) => contentType switch
    {
        "application/pdf" => "PDF",
        "image/jpeg" => "JPG",
        "image/png" => "PNG",
        "application/ofd" => "OFD",
        _ => Localization.Text.T("文件", "file"),
    };

    public static string Extension(FileKind kind) => kind switch
    {
        FileKind.Pdf => ".pdf",
        FileKind.Jpeg => ".jpg",
        FileKind.Png => ".png",
        FileKind.Ofd => ".ofd",
        _ => "",
    };

    /// <summary>The kind of the seekable <paramref name="content"/>, or null when it is none of the four; the position is left at 0.</summary>
    public static FileKind? Detect(Stream content)
    {
        ArgumentNullException.ThrowIfNull(content);
        content.Position = 0;
        Span<byte> head = stackalloc byte[8];
        var read = content.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        head = head[..read];
        content.Position = 0;
        if (head.StartsWith(PdfMagic)) return FileKind.Pdf;
        if (head.StartsWith(JpegMagic)) return FileKind.Jpeg;
        if (head.StartsWith(PngMagic)) return FileKind.Png;
        return head.StartsWith(ZipMagic) && IsOfdPackage(content) ? FileKind.Ofd : null;
    }

    private static bool IsOfdPackage(Stream content)
    {
        try
        {
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            return zip.Entries.Any(e => string.Equals(e.FullName, "OFD.xml", StringComparison.OrdinalIgnoreCase));
        }
        catch (InvalidDataException)
        {
            return false;
        }
        finally
        {
            content.Position = 0;
        }
    }
}
