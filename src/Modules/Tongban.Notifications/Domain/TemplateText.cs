using System.Text.RegularExpressions;
using Tongban.Kernel.Errors;

namespace Tongban.Notifications.Domain;

/// <summary>A text in both languages after its placeholders were filled.</summary>
internal sealed record RenderedText(string Chinese, string English);

/// <summary>
/// The placeholders a template may use — <c>{number}</c> the case number, <c>{item}</c> the item's name, <c>{date}</c> the
/// date that matters (due date, promised date), <c>{material}</c> the deferred material — and their filling.
/// </summary>
internal static partial class TemplateText
{
    public const int MaxLength = 500;

    public static readonly IReadOnlyList<string> Placeholders = ["number", "item", "date", "material"];

    /// <summary>Refuses an empty or too long text, or one naming a placeholder not in <see cref="Placeholders"/>: every fault at once.</summary>
    public static void Check(string chinese, string english)
    {
        var errors = Faults(chinese, "chinese", "中文").Concat(Faults(english, "english", "英文")).ToList();
        if (errors.Count > 0) throw new DomainException(errors);
    }

    private static IEnumerable<DomainError> Faults(string text, string field, string language)
    {
        if (string.IsNullOrWhiteSpace(text))
            yield return new DomainError("template.text_required", $"请填写{language}模板", "Write the template text", Field: field);
        else if (text.Length > MaxLength)
            yield return new DomainError("template.too_long", $"{language}模板不能超过{MaxLength}个字符", $"The template must be at most {MaxLength} characters", Field: field);
        foreach (var unknown in Placeholder().Matches(text).Select(m => m.Groups[1].Value).Where(p => !Placeholders.Contains(p)).Distinct())
            yield return new DomainError("template.placeholder_unknown",
                $"未知的占位符：{{{unknown}}}（可用：{string.Join("、", Placeholders.Select(p => $"{{{p}}}"))}）",
                $"Unknown placeholder: {{{unknown}}} (allowed: {string.Join(", ", Placeholders.Select(p => $"{{{p}}}"))})", Field: field);
    }

    public static string Fill(string text, IReadOnlyDictionary<string, string> values) =>
        Placeholder().Replace(text, m => values.TryGetValue(m.Groups[1].Value, out var value) ? value : m.Value);

    [GeneratedRegex(@"\{([^{}\s]*)\}")]
    private static partial Regex Placeholder();
}
