using Tongban.Kernel.Forms;
using Tongban.Licenses.Domain;

namespace Tongban.Licenses.Features.ManageTypes;

/// <summary>
/// A license type as the API, the admin page and a region pack give it (JSON, names as in <see cref="TypeDefinition"/>,
/// enums by name: <c>Person</c>/<c>LegalPerson</c>/<c>Both</c>, <c>OpenEnded</c>/<c>FixedYears</c>/<c>PerRecord</c>).
/// </summary>
internal sealed record TypeForm(
    string? Code,
    string? Name,
    string? NameEn,
    string? DefiningDepartment,
    IReadOnlyList<string>? IssuingAuthorities,
    HolderKind? Holder,
    ValidityRule? Validity,
    IReadOnlyList<FormField>? Fields,
    LicenseTemplate? Template,
    IReadOnlyList<string>? ProducedBy,
    IReadOnlyList<string>? Replaces,
    IssueMapping? Issue)
{
    public TypeDefinition ToDefinition() => new(
        (Name ?? "").Trim(), (NameEn ?? "").Trim(), (DefiningDepartment ?? "").Trim(),
        [.. (IssuingAuthorities ?? []).Select(c => c.Trim().ToUpperInvariant()).Where(c => c.Length > 0).Distinct(StringComparer.Ordinal)],
        Holder ?? (HolderKind)0, Validity ?? new ValidityRule((ValidityKind)0), new FormDefinition(Fields ?? []), Template,
        [.. (ProducedBy ?? []).Select(c => c.Trim()).Where(c => c.Length > 0).Distinct(StringComparer.Ordinal)],
        [.. (Replaces ?? []).Select(c => c.Trim()).Where(c => c.Length > 0).Distinct(StringComparer.Ordinal)],
        Issue);

    public static TypeForm From(string code, TypeDefinition d) => new(code, d.Name, d.NameEn, d.DefiningDepartment, d.IssuingAuthorities, d.Holder, d.Validity,
        d.Fields.Fields, d.Template, d.ProducedBy, d.Replaces, d.Issue);
}
