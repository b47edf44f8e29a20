using System.Globalization;
using Tongban.Kernel.Errors;
using Tongban.Kernel.Forms;

namespace Tongban.Catalog.Features.Admin;

/// <summary>The application form and the handling process as rows of text; their rules are the domain's.</summary>
internal sealed partial class ItemInput
{
    public List<FieldRow> FormFields { get; set; } = [];
    public List<ProcessRow> Process { get; set; } = [];

    /// <summary>One field of the application form. Options are lines "value=中文|English"; the condition is "field=value".</summary>
    internal sealed class FieldRow
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

        public bool IsEmpty => Blank(Key, LabelZh, LabelEn, Options, VisibleWhen, MaxLength, Min, Max, HintZh, HintEn, Prefill);

        public static FieldRow From(FormField f) => new()
        {
            Key = f.Key, LabelZh = f.LabelZh, LabelEn = f.LabelEn, Type = f.Type.ToString(), Required = f.Required,
            Options = f.Options is { Count: > 0 } options ? string.Join('\n', options.Select(o => $"{o.Value}={o.LabelZh}|{o.LabelEn}")) : null,
            VisibleWhen = f.VisibleWhen is { } when ? $"{when.Field}={when.EqualsValue}" : null,
            MaxLength = f.MaxLength?.ToString(CultureInfo.InvariantCulture), Min = f.Min?.ToString(CultureInfo.InvariantCulture),
            Max = f.Max?.ToString(CultureInfo.InvariantCulture), HintZh = f.HintZh, HintEn = f.HintEn, Prefill = f.Prefill,
        };
    }

    /// <summary>One handling step: key, names and the role that does it.</summary>
    internal sealed class ProcessRow
    {
        public string? Key { get; set; }
        public string? NameZh { get; set; }
        public string? NameEn { get; set; }
        public string? Role { get; set; }

        public bool IsEmpty => Blank(Key, NameZh, NameEn, Role);
    }

    /// <summary>The form the rows describe; text that cannot be read (a bad option line, a number) is an error on the form's rows.</summary>
    private FormDefinition ToForm(List<DomainError> errors)
    {
        var fields = new List<FormField>();
        foreach (var (row, i) in FormFields.Select((r, i) => (r, i)).Where(x => !x.r.IsEmpty))
        {
            void Bad(string zh, string en) => errors.Add(new DomainError("form.field_text", $"表单第{i + 1}项：{zh}", $"Form field {i + 1}: {en}", Field: "form_fields"));
            T? Read<T>(string? text, string what, string whatEn) where T : struct, IParsable<T>
            {
                if (string.IsNullOrWhiteSpace(text)) return null;
                if (T.TryParse(text.Trim(), CultureInfo.InvariantCulture, out var value)) return value;
                Bad($"{what}“{text}”不是数字", $"the {whatEn} '{text}' is not a number");
                return null;
            }
            if (!Enum.TryParse<FormFieldType>(row.Type, ignoreCase: true, out var type) || !Enum.IsDefined(type) || char.IsDigit(row.Type[0]))
                Bad($"类型“{row.Type}”无法识别", $"the type '{row.Type}' is unknown");
            var options = new List<FormOption>();
            foreach (var line in Lines(row.Options))
            {
                if (Pair(line, '=') is not var (value, labels))
                    Bad($"选项“{line}”应写成“值=中文|English”", $"the option '{line}' should read 'value=中文|English'");
                else
                    options.Add(Pair(labels, '|') is var (zh, en) ? new FormOption(value, zh, en) : new FormOption(value, labels, labels));
            }
            FormCondition? condition = null;
            if (!string.IsNullOrWhiteSpace(row.VisibleWhen))
            {
                if (Pair(row.VisibleWhen, '=') is var (field, equals)) condition = new FormCondition(field, equals);
                else Bad($"显示条件“{row.VisibleWhen}”应写成“字段代码=值”", $"the condition '{row.VisibleWhen}' should read 'field=value'");
            }
            fields.Add(new FormField(row.Key?.Trim() ?? "", row.LabelZh?.Trim() ?? "", row.LabelEn?.Trim() ?? "", type, row.Required,
                options.Count > 0 ? options : null, condition, Read<int>(row.MaxLength, "最大长度", "maximum length"),
                Read<decimal>(row.Min, "最小值", "minimum"), Read<decimal>(row.Max, "最大值", "maximum"), Empty(row.HintZh), Empty(row.HintEn), Empty(row.Prefill)));
        }
        return new FormDefinition(fields);
    }

    private static string[] Lines(string? text) =>
        (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

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
