using System.Text;

namespace Tongban.Catalog.Search;

/// <summary>How both queries and indexed text are normalised, so the index and a plain substring test agree.</summary>
internal static class SearchText
{
    /// <summary>Queries are cut to this length: no item name is longer, and the work per query stays bounded.</summary>
    public const int MaxQueryLength = 50;

    /// <summary>Full-width forms to ASCII, letters to lower case, whitespace removed.</summary>
    public static string Normalize(string? text, int maxLength = int.MaxValue)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var builder = new StringBuilder(Math.Min(text.Length, 256));
        foreach (var rune in text.EnumerateRunes())
        {
            var value = rune.Value;
            if (value is >= 0xFF01 and <= 0xFF5E) value -= 0xFEE0; // full-width ASCII
            if (value == 0x3000 || Rune.IsWhiteSpace(new Rune(value)) || Rune.IsControl(new Rune(value))) continue;
            var r = new Rune(value);
            if (Rune.IsUpper(r)) r = Rune.ToLowerInvariant(r);
            builder.Append(r.ToString());
            if (builder.Length >= maxLength) break;
        }
        return builder.ToString();
    }

    public static bool IsAscii(string text) => text.All(char.IsAscii);
}
