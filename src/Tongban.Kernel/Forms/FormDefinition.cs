namespace Tongban.Kernel.Forms;

/// <summary>The kind of value a form field takes; each kind has its own check (an ID number its GB 11643 check, …).</summary>
public enum FormFieldType
{
    Text = 1,
    LongText = 2,
    Number = 3,
    Date = 4,
    Choice = 5,
    MultiChoice = 6,
    YesNo = 7,
    IdNumber = 8,
    CreditCode = 9,
    Phone = 10,
    Division = 11,
}

public sealed record FormOption(string Value, string LabelZh, string LabelEn);

/// <summary>The field is shown (and checked) only when another field has this value.</summary>
public sealed record FormCondition(string Field, string EqualsValue);

/// <summary>
/// One field of an application form. <see cref="Key"/> is stable across versions of the item. <see cref="Prefill"/> names
/// where the platform may fill it in before the applicant types (<see cref="FormPrefill"/>); the applicant can change it.
/// </summary>
public sealed record FormField(
    string Key,
    string LabelZh,
    string LabelEn,
    FormFieldType Type,
    bool Required = false,
    IReadOnlyList<FormOption>? Options = null,
    FormCondition? VisibleWhen = null,
    int? MaxLength = null,
    decimal? Min = null,
    decimal? Max = null,
    string? HintZh = null,
    string? HintEn = null,
    string? Prefill = null);

/// <summary>
/// The application form of a service item, defined in the catalog and filled in by applicants. Values travel as
/// strings keyed by <see cref="FormField.Key"/> (a multi-choice as values joined by '|').
/// </summary>
public sealed partial record FormDefinition(IReadOnlyList<FormField> Fields)
{
    public static readonly FormDefinition Empty = new([]);
}
