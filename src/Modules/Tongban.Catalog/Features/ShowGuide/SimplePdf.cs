using System.Globalization;
using System.Text;

namespace Tongban.Catalog.Features.ShowGuide;

/// <summary>
/// A small A4 PDF of text lines and rules, written by hand so that a printable form needs no font file: Chinese is set in
/// STSong-Light, one of the standard CJK fonts every PDF reader supplies (Adobe-GB1, UniGB-UCS2-H), so nothing is embedded
/// and the file stays a few kilobytes. Text is kept in uncompressed streams, so a test can read it back.
/// </summary>
internal sealed class SimplePdf
{
    private const float Width = 595, Height = 842, Margin = 56;
    private readonly List<StringBuilder> _pages = [];
    private float _y;

    public SimplePdf() => NewPage();

    /// <summary>Writes <paramref name="text"/> wrapped to the page width, starting a new page when the page is full.</summary>
    public SimplePdf Line(string text, float size = 11, float gapAfter = 6, bool rule = false)
    {
        foreach (var line in Wrap(text, size, Width - 2 * Margin))
        {
            if (_y - size < Margin) NewPage();
            _y -= size * 1.4f;
            Page.Append(CultureInfo.InvariantCulture, $"BT /F1 {size} Tf {Margin} {_y:0.##} Td <{Hex(line)}> Tj ET\n");
        }
        if (rule) Page.Append(CultureInfo.InvariantCulture, $"0.5 w {Margin} {_y - 4:0.##} m {Width - Margin} {_y - 4:0.##} l S\n");
        _y -= gapAfter;
        return this;
    }

    public byte[] ToBytes()
    {
        var objects = new List<string> { "<< /Type /Catalog /Pages 2 0 R >>", "" };
        var kids = new List<string>();
        foreach (var page in _pages)
        {
            var content = page.ToString();
            objects.Add($"<< /Length {Encoding.ASCII.GetByteCount(content)} >>\nstream\n{content}endstream");
            objects.Add($"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {Width} {Height}] /Resources << /Font << /F1 FONT 0 R >> >> /Contents {objects.Count} 0 R >>");
            kids.Add($"{objects.Count} 0 R");
        }
        var font = objects.Count + 1;
        objects[1] = $"<< /Type /Pages /Kids [{string.Join(' ', kids)}] /Count {kids.Count} >>";
        objects.Add($"<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [{font + 1} 0 R] >>");
        objects.Add($"<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /FontDescriptor {font + 2} 0 R /DW 1000 /W [1 95 500] >>");
        objects.Add("<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>");

        var pdf = new StringBuilder("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n");
        var offsets = new List<int>();
        var encoding = Encoding.Latin1;
        for (var i = 0; i < objects.Count; i++)
        {
            offsets.Add(encoding.GetByteCount(pdf.ToString()));
            pdf.Append(CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i].Replace("FONT 0 R", $"{font} 0 R", StringComparison.Ordinal)}\nendobj\n");
        }
        var xref = encoding.GetByteCount(pdf.ToString());
        pdf.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets) pdf.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        pdf.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Count + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return encoding.GetBytes(pdf.ToString());
    }

    private StringBuilder Page => _pages[^1];

    private void NewPage()
    {
        _pages.Add(new StringBuilder());
        _y = Height - Margin;
    }

    /// <summary>UTF-16BE code units in hex, as UniGB-UCS2-H reads them; what lies outside the basic plane becomes a full-width question mark.</summary>
    private static string Hex(string line)
    {
        var hex = new StringBuilder(line.Length * 4);
        foreach (var c in line) hex.Append(((int)(char.IsSurrogate(c) ? '？' : c)).ToString("X4", CultureInfo.InvariantCulture));
        return hex.ToString();
    }

    /// <summary>Lines of at most <paramref name="width"/> points: a Chinese character is one em wide, a Latin one half.</summary>
    private static IEnumerable<string> Wrap(string text, float size, float width)
    {
        var line = new StringBuilder();
        float used = 0;
        foreach (var c in text)
        {
            var w = (c < 0x80 ? 0.5f : 1f) * size;
            if (used + w > width && line.Length > 0)
            {
                yield return line.ToString();
                (line, used) = (new StringBuilder(), 0);
            }
            line.Append(c);
            used += w;
        }
        yield return line.ToString();
    }
}
