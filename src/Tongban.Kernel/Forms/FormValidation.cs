using Tongban.Kernel.Errors;

namespace Tongban.Kernel.Forms;

/// <summary>
/// Values checked against a form: <see cref="Values"/> holds what is kept — the visible fields that were filled
/// in, trimmed and in canonical form (an ID number upper-case, a division code as 12 digits, yes/no as "yes"/"no").
/// </summary>
public sealed record FormValidation(IReadOnlyDictionary<string, string> Values, IReadOnlyList<DomainError> Errors)
{
    public bool IsValid => Errors.Count == 0;
}

public sealed partial record FormDefinition
{
    /// <summary>
    /// Checks <paramref name="values"/> field by field; each error names its field (<see cref="DomainError.Field"/> is
    /// the key). A field whose <see cref="FormField.VisibleWhen"/> is not met is neither required nor kept; a key the
    /// form does not have is refused.
    /// </summary>
    public FormValidation Validate(IReadOnlyDictionary<string, string?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var keys = Fields.Select(f => f.Key).ToHashSet(StringComparer.Ordinal);
        var errors = values.Keys.Where(k => !keys.Contains(k)).Order(StringComparer.Ordinal)
            .Select(k => new DomainError("form.unknown_field", $"表单中没有“{k}”这一项", $"The form has no field '{k}'", ErrorKind.BadRequest, k))
            .ToList();
        var kept = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var field in Fields.Where(f => IsShown(f, kept)))
        {
            var raw = values.GetValueOrDefault(field.Key)?.Trim();
            if (string.IsNullOrEmpty(raw))
            {
                if (field.Required)
                    errors.Add(new("form.required", $"请填写“{field.LabelZh}”", $"'{field.LabelEn}' is required", Field: field.Key));
                continue;
            }
            var (value, error) = FormValues.Check(field, raw);
            if (error is not null) errors.Add(error with { Field = field.Key });
            else kept[field.Key] = value!;
        }
        return new FormValidation(kept, errors);
    }

    /// <summary>The kept values, or a <see cref="DomainException"/> naming every field at fault.</summary>
    public IReadOnlyDictionary<string, string> ValidOrThrow(IReadOnlyDictionary<string, string?> values)
    {
        var result = Validate(values);
        return result.IsValid ? result.Values : throw new DomainException(result.Errors);
    }

    /// <summary>Whether <paramref name="field"/> is shown, given the values kept so far (its condition names an earlier field).</summary>
    public static bool IsShown(FormField field, IReadOnlyDictionary<string, string> kept)
    {
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(kept);
        if (field.VisibleWhen is not { } when) return true;
        return kept.TryGetValue(when.Field, out var value) && value.Split(FormValues.MultiSeparator).Contains(when.EqualsValue, StringComparer.Ordinal);
    }
}
