using System.Text.RegularExpressions;

namespace Tongban.EndToEnd;

/// <summary>
/// What an internal key looks like in text a person reads: a GUID, an actor or record prefix (<c>user:</c>, <c>module:</c>),
/// a snake_case identifier, a dotted key (population.identity), a camelCase field name, a PascalCase enum name (InProcess)
/// and — in Chinese — any Latin word that is not one of the few that belong on the page (the language switch, file kinds,
/// browsers). Case numbers, item codes and credit codes are digits and capitals, which none of these match.
/// </summary>
internal static partial class ReadableText
{
    /// <summary>Latin words a Chinese page may show: the link to English, the platform's name, file kinds (the exports' CSV and Excel included), the keyboard's Ctrl, browsers and systems.</summary>
    private static readonly HashSet<string> ChineseAllows = new(StringComparer.Ordinal)
    {
        "English", "Tongban", "PDF", "JPG", "JPEG", "PNG", "OFD", "SHA", "CSV", "Excel", "xlsx", "Ctrl",
        "Chrome", "Firefox", "Safari", "Edge", "Windows", "Android", "iOS", "iPadOS", "macOS", "HarmonyOS", "Linux",
    };

    /// <summary>Every key-like token in <paramref name="text"/>, each with a little of the text around it.</summary>
    public static IReadOnlyList<string> KeysIn(string text, bool chinese)
    {
        var cleaned = Removable().Replace(text, " ");
        var found = new List<string>();
        foreach (var (kind, pattern) in Patterns)
            found.AddRange(pattern.Matches(cleaned).Select(m => $"{kind} '{m.Value}' in \"{Around(cleaned, m)}\""));
        if (chinese)
            found.AddRange(LatinWord().Matches(cleaned).Where(m => !ChineseAllows.Contains(m.Value)).Select(m => $"Latin word '{m.Value}' in \"{Around(cleaned, m)}\""));
        return found;
    }

    private static readonly (string Kind, Regex Pattern)[] Patterns =
    [
        ("GUID", Guid()), ("prefixed id", Prefixed()), ("snake_case key", SnakeCase()), ("dotted key", Dotted()),
        ("camelCase name", CamelCase()), ("PascalCase enum", PascalCase()),
    ];

    private static string Around(string text, Match m) =>
        text.Substring(Math.Max(0, m.Index - 20), Math.Min(text.Length, m.Index + m.Length + 20) - Math.Max(0, m.Index - 20)).ReplaceLineEndings(" ");

    /// <summary>Addresses a person may be shown (a mail address, a link) and file names they chose (申请表.pdf).</summary>
    [GeneratedRegex(@"https?://\S+|\S+@\S+\.\S+|\.(pdf|jpe?g|png|ofd)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Removable();

    [GeneratedRegex(@"\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\b")]
    private static partial Regex Guid();

    [GeneratedRegex(@"\b(user|module|client|cli|dev|account|station|case|hall|agent|walk-in|draft|fact|calendar|enterprise|login):\S")]
    private static partial Regex Prefixed();

    [GeneratedRegex(@"\b[a-z][a-z0-9]*(_[a-z0-9]+)+\b")]
    private static partial Regex SnakeCase();

    [GeneratedRegex(@"\b[a-z]+(-[a-z]+)*\.[a-z]+(-[a-z]+)*\b")]
    private static partial Regex Dotted();

    [GeneratedRegex(@"\b[a-z]+[A-Z][A-Za-z]*\b")]
    private static partial Regex CamelCase();

    [GeneratedRegex(@"\b[A-Z][a-z]+(?:[A-Z][a-z]+)+\b")]
    private static partial Regex PascalCase();

    [GeneratedRegex(@"\b[A-Za-z]{3,}\b")]
    private static partial Regex LatinWord();
}
