using Tongban.Kernel.Errors;
using Tongban.Kernel.Forms;

namespace Tongban.Applications.Features.SubmitApplication;

/// <summary>
/// The one place an application's form values are checked. Today: required fields that are shown, and lengths.
/// When the kernel's <c>FormDefinition.Validate</c> lands it replaces the body, and nothing else changes.
/// </summary>
internal static class FormCheck
{
    public static void Validate(FormDefinition form, IReadOnlyDictionary<string, string> values)
    {
        var errors = new List<DomainError>();
        foreach (var field in form.Fields.Where(f => Shown(f, values)))
        {
            var value = values.GetValueOrDefault(field.Key)?.Trim() ?? "";
            if (field.Required && value.Length == 0)
                errors.Add(new("form.required", $"请填写“{field.LabelZh}”", $"Fill in '{field.LabelEn}'", Field: $"form.{field.Key}"));
            else if (field.MaxLength is { } max && value.Length > max)
                errors.Add(new("form.too_long", $"“{field.LabelZh}”最多{max}个字", $"'{field.LabelEn}' takes {max} characters at most", Field: $"form.{field.Key}"));
        }
        if (errors.Count > 0) throw new DomainException(errors);
    }

    public static bool Shown(FormField field, IReadOnlyDictionary<string, string> values) =>
        field.VisibleWhen is not { } when || values.GetValueOrDefault(when.Field) == when.EqualsValue;
}
