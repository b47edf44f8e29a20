using Tongban.Kernel.Localization;

namespace Tongban.Kernel.Forms;

/// <summary>
/// A form as a person reads it, in their language: a field by its label, a value by its option's label, a condition in
/// words naming the field and the option. Keys and option values stay inside the form; they never reach a page, a
/// message or an export.
/// </summary>
public static class FormText
{
    public static readonly FormOption[] YesNoOptions = [new(FormValues.Yes, "是", "Yes"), new(FormValues.No, "否", "No")];

    public static string Label(this FormField field) => Text.Pick(field.LabelZh, field.LabelEn);

    public static string Label(this FormOption option) => Text.Pick(option.LabelZh, option.LabelEn);

    public static FormField? Find(this FormDefinition form, string key) => form.Fields.FirstOrDefault(f => f.Key == key);

    /// <summary>The choices a field offers: its options, or yes and no.</summary>
    public static IReadOnlyList<FormOption> Choices(this FormField field) => field.Type == FormFieldType.YesNo ? YesNoOptions : field.Options ?? [];

    /// <summary>
    /// The label of the field <paramref name="key"/>; a key the form no longer has (a value kept from an older version)
    /// reads as "其他信息" rather than as the key.
    /// </summary>
    public static string LabelOf(this FormDefinition form, string key) =>
        form.Find(key) is { } field ? field.Label() : Text.T("其他信息", "Other information");

    /// <summary>
    /// A kept value as a reader sees it: a choice by its option's label (several joined), yes/no as 是/否; a division code by
    /// its name (e.g. 铁岭县新台子镇) when <paramref name="divisionName"/> knows it; anything else as typed.
    /// </summary>
    public static string Show(this FormDefinition form, string key, string value, Func<string, string?>? divisionName = null)
    {
        if (form.Find(key) is not { } field) return value;
        return field.Type switch
        {
            FormFieldType.Choice or FormFieldType.MultiChoice or FormFieldType.YesNo => string.Join(Text.T("、", ", "),
                value.Split(FormValues.MultiSeparator).Select(v => field.Choices().FirstOrDefault(o => o.Value == v)?.Label() ?? v)),
            FormFieldType.Division => divisionName?.Invoke(value) ?? value,
            _ => value,
        };
    }

    /// <summary>When a conditional field applies, in words with the labels of the field and the option it waits for; null for a field always asked.</summary>
    public static string? Condition(this FormDefinition form, FormField field)
    {
        if (field.VisibleWhen is not { } when) return null;
        var on = form.Find(when.Field);
        var option = on?.Choices().FirstOrDefault(o => o.Value == when.EqualsValue);
        var (fieldZh, fieldEn) = on is null ? ("上一项", "the question above") : (on.LabelZh, on.LabelEn);
        var (optionZh, optionEn) = option is null ? (when.EqualsValue, when.EqualsValue) : (option.LabelZh, option.LabelEn);
        return on?.Type == FormFieldType.MultiChoice
            ? Text.T($"仅当“{fieldZh}”选了“{optionZh}”时填写", $"Only when '{optionEn}' is chosen for '{fieldEn}'")
            : Text.T($"仅当“{fieldZh}”为“{optionZh}”时填写", $"Only when '{fieldEn}' is '{optionEn}'");
    }
}
