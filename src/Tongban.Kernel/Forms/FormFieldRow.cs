using System.Globalization;
using Tongban.Kernel.Errors;

namespace Tongban.Kernel.Forms;

/// <summary>
/// One field of a form as an admin page edits it: every property text, so that whatever was typed comes back on the
/// page. Options are lines "value=中文|English"; the condition is "field=value". The catalog's item form and the license
/// type form both edit their fields with it; the soundness rules stay <see cref="FormDefinition.Check"/>'s.
/// </summary>
public sealed class FormFieldRow
{
    public string? Key { get; set; }
    public string? LabelZh { get; set; }
    public string? LabelEn { get; set; }
    public string Type { get; set; } = nameof(FormFieldType.Text);
    public bool Required { get; set; }
    public string? Options { get; set; }
    public string? VisibleWhen { get; set; }
    public string? MaxLength { get; set; }
    public string? Min { get; set; }
    public string? Max { get; set; }
    public string? HintZh { get; set; }
    public string? HintEn { get; set; }

    /// <summary>Where the platform may fill the field in (<see cref="FormPrefill"/>), e.g. account.phone.</summary>
    public string? Prefill { get; set; }

    public bool IsEmpty => new[] { Key, LabelZh, LabelEn, Options, VisibleWhen, MaxLength, Min, Max, HintZh, HintEn, Prefill }.All(string.IsNullOrWhiteSpace);

    public static FormFieldRow From(FormField f) => new()
    {
        Key = f.Key, LabelZh = f.LabelZh, LabelEn = f.LabelEn, Type = f.Type.ToString(), Required = f.Required,
        Options = f.Options is { Count: > 0 } options ? string.Join('\n', options.Select(o => $"{o.Value}={o.LabelZh}|{o.LabelEn}")) : null,
        VisibleWhen = f.VisibleWhen is { } when ? $"{when.Field}={when.EqualsValue}" : null,
        MaxLength = f.MaxLength?.ToString(CultureInfo.InvariantCulture), Min = f.Min?.ToString(CultureInfo.InvariantCulture),
        Max = f.Max?.ToString(CultureInfo.InvariantCulture), HintZh = f.HintZh, HintEn = f.HintEn, Prefill = f.Prefill,
    };

    /// <summary>
    /// The form the rows describe (empty rows skipped); text that cannot be read (a bad option line, a number) is added to
    /// <paramref name="errors"/> on <paramref name="errorField"/>, naming the row.
    /// </summary>
    public static FormDefinition Read(IEnumerable<FormFieldRow> rows, string errorField, List<DomainError> errors)
    {
        var fields = new List<FormField>();
        foreach (var (row, i) in rows.Select((r, i) => (r, i)).Where(x => !x.r.IsEmpty))
            fields.Add(row.ToField(i, (zh, en) => errors.Add(new DomainError("form.field_text", $"表单第{i + 1}项：{zh}", $"Form field {i + 1}: {en}", Field: errorField))));
        return new FormDefinition(fields);
    }

    private FormField ToField(int i, Action<string, string> bad)
    {
        T? Read<T>(string? text, string what, string whatEn) where T : struct, IParsable<T>
        {
            if (string.IsNullOrWhiteSpace(text)) return null;
            if (T.TryParse(text.Trim(), CultureInfo.InvariantCulture, out var value)) return value;
            bad($"{what}“{text}”不是数字", $"the {whatEn} '{text}' is not a number");
            return null;
        }
        if (!Enum.TryParse<FormFieldType>(Type, ignoreCase: true, out var type) || !Enum.IsDefined(type) || Type.Length == 0 || char.IsDigit(Type[0]))
            bad($"类型“{Type}”无法识别", $"the type '{Type}' is unknown");
        var options = new List<FormOption>();
        foreach (var line in (Options ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (Pair(line, '=') is not var (value, labels)) bad($"选项“{line}”应写成“值=中文|English”", $"the option '{line}' should read 'value=中文|English'");
            else options.Add(Pair(labels, '|') is var (zh, en) ? new FormOption(value, zh, en) : new FormOption(value, labels, labels));
        }
        FormCondition? condition = null;
        if (!string.IsNullOrWhiteSpace(VisibleWhen))
        {
            if (Pair(VisibleWhen, '=') is var (field, equals)) condition = new FormCondition(field, equals);
            else bad($"显示条件“{VisibleWhen}”应写成“字段代码=值”", $"the condition '{VisibleWhen}' should read 'field=value'");
        }
        return new FormField(Key?.Trim() ?? "", LabelZh?.Trim() ?? "", LabelEn?.Trim() ?? "", type, Required,
            options.Count > 0 ? options : null, condition, Read<int>(MaxLength, "最大长度", "maximum length"),
            Read<decimal>(Min, "最小值", "minimum"), Read<decimal>(Max, "最大值", "maximum"), Empty(HintZh), Empty(HintEn), Empty(Prefill));
    }

    /// <summary>"a=b" as (a, b), both trimmed and non-empty; null when it is not such a pair.</summary>
    private static (string, string)? Pair(string text, char separator)
    {
        var at = text.IndexOf(separator, StringComparison.Ordinal);
        if (at <= 0 || at == text.Length - 1) return null;
        var (left, right) = (text[..at].Trim(), text[(at + 1)..].Trim());
        return left.Length > 0 && right.Length > 0 ? (left, right) : null;
    }

    private static string? Empty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
