using System.Globalization;
using Tongban.Kernel.Errors;
using Tongban.Kernel.Identifiers;

namespace Tongban.Kernel.Forms;

/// <summary>The check of one filled-in value by its field's type; the value comes back in canonical form.</summary>
internal static class FormValues
{
    public const char MultiSeparator = '|';
    public const int DefaultTextLength = 200;
    public const int DefaultLongTextLength = 2000;
    public const string Yes = "yes";
    public const string No = "no";

    public static (string? Value, DomainError? Error) Check(FormField field, string raw) => field.Type switch
    {
        FormFieldType.Text => Length(field, raw, DefaultTextLength),
        FormFieldType.LongText => Length(field, raw, DefaultLongTextLength),
        FormFieldType.Number => Number(field, raw),
        FormFieldType.Date => DateOnly.TryParseExact(raw, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
            ? (raw, null) : Bad(field, "form.date", "应为日期，格式如2026-03-01", "must be a date written as 2026-03-01"),
        FormFieldType.Choice => Options(field).Contains(raw) ? (raw, null) : NotAnOption(field, raw),
        FormFieldType.MultiChoice => Many(field, raw),
        FormFieldType.YesNo => raw.ToLowerInvariant() switch
        {
            Yes or "true" => (Yes, null),
            No or "false" => (No, null),
            _ => Bad(field, "form.yes_no", "应选择“是”或“否”", "must be yes or no"),
        },
        FormFieldType.IdNumber => ResidentIdNumber.TryParse(raw, out var id, out var idError) ? (id.Value.Value, null) : Wrap(field, idError!),
        FormFieldType.CreditCode => CreditCode.TryParse(raw, out var code, out var codeError) ? (code.Value.Value, null) : Wrap(field, codeError!),
        FormFieldType.Phone => MobilePhone.IsValid(raw)
            ? (raw, null) : Bad(field, "form.phone", "应为11位手机号码，如13912345678", "must be an 11-digit mainland mobile number such as 13912345678"),
        FormFieldType.Division => DivisionCode.TryParse(raw, out var division, out var divisionError) ? (division.Value.Value, null) : Wrap(field, divisionError!),
        _ => Bad(field, "form.type", "的类型无法识别", "has an unknown type"),
    };

    public static HashSet<string> Options(FormField field) => (field.Options ?? []).Select(o => o.Value).ToHashSet(StringComparer.Ordinal);

    private static (string?, DomainError?) Length(FormField field, string raw, int fallback)
    {
        var max = field.MaxLength ?? fallback;
        return raw.Length <= max ? (raw, null)
            : Bad(field, "form.too_long", $"最多{max}个字，现在有{raw.Length}个", $"takes at most {max} characters, not {raw.Length}");
    }

    private static (string?, DomainError?) Number(FormField field, string raw)
    {
        if (raw.Length > 30 || !decimal.TryParse(raw, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
            return Bad(field, "form.number", "应为数字", "must be a number");
        if (number < field.Min || number > field.Max)
        {
            var range = $"{field.Min?.ToString(CultureInfo.InvariantCulture) ?? "…"}–{field.Max?.ToString(CultureInfo.InvariantCulture) ?? "…"}";
            return Bad(field, "form.out_of_range", $"应在{range}之间", $"must be within {range}");
        }
        return (raw, null);
    }

    private static (string?, DomainError?) Many(FormField field, string raw)
    {
        var parts = raw.Split(MultiSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var options = Options(field);
        if (parts.FirstOrDefault(p => !options.Contains(p)) is { } wrong) return NotAnOption(field, wrong);
        return parts.Length == 0 ? NotAnOption(field, raw) : (string.Join(MultiSeparator, parts.Distinct(StringComparer.Ordinal)), null);
    }

    private static (string?, DomainError?) NotAnOption(FormField field, string raw) =>
        Bad(field, "form.choice", $"的“{Cut(raw)}”不是可选项", $"has no option '{Cut(raw)}'");

    private static (string?, DomainError?) Wrap(FormField field, DomainError error) =>
        (null, error with { Chinese = $"“{field.LabelZh}”：{error.Chinese}", English = $"'{field.LabelEn}': {error.English}" });

    private static (string?, DomainError?) Bad(FormField field, string code, string zh, string en) =>
        (null, new DomainError(code, $"“{field.LabelZh}”{zh}", $"'{field.LabelEn}' {en}"));

    private static string Cut(string raw) => raw.Length <= 20 ? raw : raw[..20] + "…";
}
