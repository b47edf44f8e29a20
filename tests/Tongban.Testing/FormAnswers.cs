using System.Globalization;
using System.Text.Json;

namespace Tongban.Testing;

/// <summary>Answers to an application form as the applications API serves it: a value each field's type and limits accept, as a person would type it.</summary>
public static class FormAnswers
{
    /// <summary>An answer for every field of <paramref name="form"/> (the item's <c>form</c> property), keyed by field.</summary>
    public static Dictionary<string, string> For(JsonElement form) =>
        form.GetProperty("fields").EnumerateArray().ToDictionary(f => f.GetProperty("key").GetString()!, ValueFor);

    /// <summary>A value the field's type and limits accept.</summary>
    public static string ValueFor(JsonElement field)
    {
        decimal? Limit(string name) => field.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDecimal() : null;
        return field.GetProperty("type").GetString() switch
        {
            "Text" => "示例"[..(int)Math.Min(2, Limit("maxLength") ?? 2)],
            "LongText" => "示例说明",
            "Number" => (Limit("min") ?? Math.Min(1, Limit("max") ?? 1)).ToString(CultureInfo.InvariantCulture),
            "Date" => "2026-03-02",
            "Choice" or "MultiChoice" => field.GetProperty("options")[0].GetProperty("value").GetString()!,
            "YesNo" => "yes",
            "IdNumber" => TestPeople.NewIdNumber(),
            "CreditCode" => "11211200028410570F", // 铁岭市公安局, a department of the demo region
            "Phone" => "13912345678",
            "Division" => "211221000000",
            var other => throw new InvalidOperationException($"a field type the test does not know: {other}"),
        };
    }
}
