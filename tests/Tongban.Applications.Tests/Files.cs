using System.IO.Compression;
using System.Text;

namespace Tongban.Applications.Tests;

/// <summary>Small files of each kind, and ones that only pretend to be.</summary>
internal static class Files
{
    public static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n");

    public static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];

    /// <summary>A Windows executable's header: what arrives when someone renames setup.exe to scan.pdf.</summary>
    public static readonly byte[] Exe = [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xFF, 0xFF, 0x00, 0x00];

    public static byte[] Ofd()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        using (var writer = new StreamWriter(zip.CreateEntry("OFD.xml").Open()))
            writer.Write("<ofd:OFD xmlns:ofd=\"http://www.ofdspec.org/2016\"/>");
        return buffer.ToArray();
    }
}
