using Tongban.Kernel.Forms;

namespace Tongban.Licenses.Domain;

/// <summary>Who may hold a license of a type (持证主体).</summary>
internal enum HolderKind
{
    /// <summary>自然人: identified by the resident ID number (holder code type 111).</summary>
    Person = 1,

    /// <summary>法人及其他组织: identified by the unified social credit code (holder code type 001).</summary>
    LegalPerson = 2,

    Both = 3,
}

/// <summary>How long a license of the type is valid.</summary>
internal enum ValidityKind
{
    /// <summary>长期: no end date.</summary>
    OpenEnded = 1,

    /// <summary>A fixed number of years from the issue date.</summary>
    FixedYears = 2,

    /// <summary>The issuer gives the end date of each license (or none, 长期).</summary>
    PerRecord = 3,
}

internal sealed record ValidityRule(ValidityKind Kind, int? Years = null)
{
    /// <summary>The end date of a license issued on <paramref name="issuedOn"/>; <paramref name="given"/> is what the issuer typed (per record only).</summary>
    public DateOnly? Until(DateOnly issuedOn, DateOnly? given) => Kind switch
    {
        ValidityKind.FixedYears => issuedOn.AddYears(Years ?? 1).AddDays(-1),
        ValidityKind.PerRecord => given,
        _ => null,
    };
}

/// <summary>
/// Where the fields of a license issued from a concluded case come from: a source per field key, and the holder's
/// code and name. Sources: <c>form:KEY</c> (the application form), <c>applicant:name</c>, <c>applicant:id_number</c>,
/// <c>case:number</c>, <c>case:concluded_on</c>, <c>item:name</c>, <c>decision:opinion</c>, <c>text:FIXED</c>.
/// A person's license goes to the applicant unless <see cref="HolderCode"/> names another source.
/// </summary>
internal sealed record IssueMapping(string? HolderCode = null, string? HolderName = null, IReadOnlyDictionary<string, string>? Fields = null)
{
    public static readonly IssueMapping None = new();

    public static readonly IReadOnlyList<string> FixedSources =
        ["applicant:name", "applicant:id_number", "case:number", "case:concluded_on", "item:name", "decision:opinion"];
}

/// <summary>
/// What a license type is (one version of it): name, defining department, issuing authorities, holder, validity,
/// the typed fields every license of the type carries (the kernel's form definition), the template it is printed
/// with, which catalog items produce it and which materials it replaces.
/// </summary>
internal sealed record TypeDefinition(
    string Name,
    string NameEn,
    string DefiningDepartment,
    IReadOnlyList<string> IssuingAuthorities,
    HolderKind Holder,
    ValidityRule Validity,
    FormDefinition Fields,
    LicenseTemplate? Template = null,
    IReadOnlyList<string>? ProducedBy = null,
    IReadOnlyList<string>? Replaces = null,
    IssueMapping? Issue = null)
{
    public LicenseTemplate Layout => Template ?? LicenseTemplate.Default(Fields);

    public IReadOnlyList<string> Items => ProducedBy ?? [];

    public IReadOnlyList<string> Materials => Replaces ?? [];

    public IssueMapping Mapping => Issue ?? IssueMapping.None;

    public bool Admits(HolderKind holder) => Holder == HolderKind.Both || Holder == holder;
}
