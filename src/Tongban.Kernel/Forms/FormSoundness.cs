using System.Text.RegularExpressions;
using Tongban.Kernel.Errors;

namespace Tongban.Kernel.Forms;

public sealed partial record FormDefinition
{
    /// <summary>Whether <paramref name="key"/> is a well-formed key: a lower-case letter, then letters, digits or '_', 40 at most.</summary>
    public static bool IsWellFormedKey(string? key) => key is not null && KeyPattern().IsMatch(key);

    /// <summary>
    /// What is wrong with the definition itself, every fault at once; each error's <see cref="DomainError.Field"/> is
    /// the field's key (or its position when it has no usable key).
    /// </summary>
    public IReadOnlyList<DomainError> Check()
    {
        var errors = new List<DomainError>();
        var earlier = new Dictionary<string, FormField>(StringComparer.Ordinal);
        for (var i = 0; i < Fields.Count; i++)
        {
            var field = Fields[i];
            var name = IsWellFormedKey(field.Key) ? field.Key : $"#{i + 1}";
            void Fault(string code, string zh, string en) =>
                errors.Add(new DomainError(code, $"表单第{i + 1}项（{name}）：{zh}", $"Form field {i + 1} ({name}): {en}", Field: name));

            if (!IsWellFormedKey(field.Key))
                Fault("form.key", "代码应以小写字母开头，只含小写字母、数字和下划线，最长40位", "the key starts with a lower-case letter and has only lower-case letters, digits and '_', 40 at most");
            else if (earlier.ContainsKey(field.Key))
                Fault("form.key_duplicate", "代码与前面的项重复", "the key is used by an earlier field");
            if (string.IsNullOrWhiteSpace(field.LabelZh) || string.IsNullOrWhiteSpace(field.LabelEn))
                Fault("form.label", "需要中文和英文名称", "needs a Chinese and an English label");
            if (!Enum.IsDefined(field.Type))
                Fault("form.type", "类型无法识别", "the type is unknown");
            CheckOptions(field, Fault);
            CheckCondition(field, earlier, Fault);
            if (field.Min > field.Max)
                Fault("form.range", "最小值不能大于最大值", "the minimum cannot exceed the maximum");
            if (field.Prefill is { } source && !(FormPrefill.Sources.TryGetValue(source, out var known) && known.Types.Contains(field.Type)))
                Fault("form.prefill", $"预填来源“{source}”不存在或不适合此类型", $"the prefill source '{source}' is unknown or does not suit the type");
            if (field.MaxLength is < 1)
                Fault("form.max_length", "最大长度应至少为1", "the maximum length is at least 1");
            if (IsWellFormedKey(field.Key)) earlier.TryAdd(field.Key, field);
        }
        return errors;
    }

    private static bool HasOptions(FormField field) => field.Type is FormFieldType.Choice or FormFieldType.MultiChoice;

    private static void CheckOptions(FormField field, Action<string, string, string> fault)
    {
        var options = field.Options ?? [];
        if (!HasOptions(field))
        {
            if (options.Count > 0) fault("form.options_unexpected", "只有单选和多选项可以有选项", "only choice fields have options");
            return;
        }
        if (options.Count == 0)
            fault("form.options_missing", "单选或多选项至少需要一个选项", "a choice field needs at least one option");
        if (options.Any(o => string.IsNullOrWhiteSpace(o.Value) || o.Value.Contains(FormValues.MultiSeparator, StringComparison.Ordinal)
                || string.IsNullOrWhiteSpace(o.LabelZh) || string.IsNullOrWhiteSpace(o.LabelEn)))
            fault("form.option", "每个选项需要值（不含“|”）和中英文名称", "every option needs a value (without '|') and both labels");
        if (options.Select(o => o.Value).Distinct(StringComparer.Ordinal).Count() != options.Count)
            fault("form.option_duplicate", "选项的值重复", "two options have the same value");
    }

    private static void CheckCondition(FormField field, Dictionary<string, FormField> earlier, Action<string, string, string> fault)
    {
        if (field.VisibleWhen is not { } when) return;
        if (!earlier.TryGetValue(when.Field ?? "", out var source))
        {
            fault("form.condition_field", $"显示条件引用的“{when.Field}”不是前面的项", $"the condition names '{when.Field}', which is not an earlier field");
            return;
        }
        var possible = source.Type == FormFieldType.YesNo ? [FormValues.Yes, FormValues.No] : HasOptions(source) ? FormValues.Options(source) : null;
        if (possible is not null && !possible.Contains(when.EqualsValue ?? ""))
            fault("form.condition_value", $"显示条件的值“{when.EqualsValue}”不是“{source.Key}”的可选值", $"the condition's value '{when.EqualsValue}' is not a value of '{source.Key}'");
    }

    [GeneratedRegex("^[a-z][a-z0-9_]{0,39}$")]
    private static partial Regex KeyPattern();
}
