namespace Tongban.Kernel.Documents;

/// <summary>Section <c>Documents</c>: what the PDFs the platform prints (licenses, monthly reports) are drawn with.</summary>
public sealed class DocumentOptions
{
    public const string Section = "Documents";

    /// <summary>The CJK TrueType font embedded in PDFs (a .ttf, or a .ttc with <see cref="FontIndex"/>); default WenQuanYi Micro Hei (apt fonts-wqy-microhei).</summary>
    public string FontFile { get; set; } = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc";

    /// <summary>The face of a TrueType collection (.ttc); 0 for a single font.</summary>
    public int FontIndex { get; set; }
}
