using Tongban.Kernel.Errors;
using Tongban.Kernel.Identifiers;
using Tongban.Licenses.Domain;

namespace Tongban.Licenses.Features.IssueLicenses;

/// <summary>What an issuer gives for a new license (by hand, from a case, or a historical record); the type and issuer decide the rest.</summary>
internal sealed record LicenseInput(
    string? HolderCode,
    string? HolderName,
    string? Number,
    DateOnly? IssuedOn,
    DateOnly? ValidUntil,
    IReadOnlyDictionary<string, string?>? Fields);

/// <summary>An input that passed every check: the holder, the cleaned field values and the dates.</summary>
internal sealed record CheckedInput(Holder Holder, string? Number, IReadOnlyDictionary<string, string> Fields, DateOnly IssuedOn, DateOnly? ValidUntil);

/// <summary>
/// The checks every new license passes, whatever made it: the holder's code (GB 11643 or GB 32100 check) and kind
/// allowed by the type, a name, the type's fields (the kernel's form rules), the issue date not in the future and
/// the end date as the type's validity rule says. Every fault is named at once, on its input.
/// </summary>
internal static class LicenseInputRules
{
    public static (CheckedInput? Input, IReadOnlyList<DomainError> Errors) Check(TypeDefinition type, LicenseInput input, DateOnly today)
    {
        var errors = new List<DomainError>();
        var holder = CheckHolder(type, input, errors);
        var fields = type.Fields.Validate(input.Fields ?? new Dictionary<string, string?>());
        errors.AddRange(fields.Errors.Select(e => e with { Field = $"fields.{e.Field}" }));
        var issuedOn = input.IssuedOn ?? today;
        if (issuedOn > today) errors.Add(Error("issued_on", "issued_on", "颁发日期不能晚于今天", "The issue date cannot be in the future"));
        var until = type.Validity.Until(issuedOn, input.ValidUntil);
        if (type.Validity.Kind != ValidityKind.PerRecord && input.ValidUntil is { } given && given != until)
            errors.Add(Error("valid_until_fixed", "valid_until", $"该证照的有效期由规则决定（{Describe(type.Validity)}），不能另填",
                $"This license's validity follows its rule ({type.Validity.Kind}); it cannot be given"));
        if (until < issuedOn) errors.Add(Error("issued_after_expiry", "valid_until", "颁发日期晚于有效期截止日期", "The issue date is after the end of validity"));
        var number = input.Number?.Trim();
        if (number is { Length: > 100 }) errors.Add(Error("number", "number", "证照编号不超过100字", "The license number is 100 characters at most"));
        return errors.Count > 0 || holder is null
            ? (null, errors)
            : (new CheckedInput(holder, string.IsNullOrEmpty(number) ? null : number, fields.Values, issuedOn, until), errors);
    }

    public static string Describe(ValidityRule rule) => rule.Kind switch
    {
        ValidityKind.FixedYears => $"{rule.Years}年",
        ValidityKind.OpenEnded => "长期",
        _ => "逐证填写",
    };

    private static Holder? CheckHolder(TypeDefinition type, LicenseInput input, List<DomainError> errors)
    {
        var code = (input.HolderCode ?? "").Trim().ToUpperInvariant();
        var name = (input.HolderName ?? "").Trim();
        if (name.Length is 0 or > 100) errors.Add(Error("holder_name", "holder_name", "请填写持证主体名称（不超过100字）", "Give the holder's name (100 characters at most)"));
        var person = ResidentIdNumber.TryParse(code, out _, out _);
        var entity = CreditCode.TryParse(code, out _, out _);
        // An 18-character code could in principle pass both checks: read it as the type expects first.
        HolderKind? kind = type.Holder == HolderKind.LegalPerson
            ? (entity ? HolderKind.LegalPerson : person ? HolderKind.Person : null)
            : (person ? HolderKind.Person : entity ? HolderKind.LegalPerson : null);
        if (kind is null)
        {
            errors.Add(type.Holder switch
            {
                HolderKind.Person => Error("holder_code", "holder_code", "持证人的公民身份号码不正确（18位，校验位须正确）", "The holder's resident ID number is not valid (18 characters with a correct check character)"),
                HolderKind.LegalPerson => Error("holder_code", "holder_code", "持证单位的统一社会信用代码不正确（18位，校验位须正确）", "The holder's unified social credit code is not valid (18 characters with a correct check character)"),
                _ => Error("holder_code", "holder_code", "持证主体代码应为有效的公民身份号码或统一社会信用代码", "The holder's code is neither a valid resident ID number nor a valid credit code"),
            });
            return null;
        }
        if (!type.Admits(kind.Value))
        {
            errors.Add(kind == HolderKind.Person
                ? Error("holder_kind", "holder_code", "该证照只颁发给法人或其他组织，请填写统一社会信用代码", "This license is for legal persons only: give a credit code")
                : Error("holder_kind", "holder_code", "该证照只颁发给自然人，请填写公民身份号码", "This license is for persons only: give a resident ID number"));
            return null;
        }
        return name.Length is 0 or > 100 ? null : new Holder(kind.Value, code, name);
    }

    private static DomainError Error(string code, string field, string zh, string en) => new($"license.{code}", zh, en, ErrorKind.Invalid, field);
}
