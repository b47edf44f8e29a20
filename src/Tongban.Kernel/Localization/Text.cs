using System.Globalization;

namespace Tongban.Kernel.Localization;

/// <summary>
/// Every user-facing string is written at its point of use in both languages, Chinese first
/// (docs/adr/0004-bilingual-text-at-point-of-use.md). The request culture picks one.
/// </summary>
public static class Text
{
    public const string Chinese = "zh-CN";
    public const string English = "en";

    public static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    public static string T(string chinese, string english) => IsEnglish ? english : chinese;

    /// <summary>Picks the English variant of a data field when there is one, else the Chinese.</summary>
    public static string Pick(string chinese, string? english) =>
        IsEnglish && !string.IsNullOrWhiteSpace(english) ? english : chinese;
}
