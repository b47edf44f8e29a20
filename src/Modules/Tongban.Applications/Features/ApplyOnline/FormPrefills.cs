using Tongban.Applications.Domain;
using Tongban.Applications.Features.SubmitApplication;
using Tongban.Identity.Contracts;
using Tongban.Kernel.Forms;
using Tongban.Organization.Contracts;

namespace Tongban.Applications.Features.ApplyOnline;

/// <summary>
/// What the platform fills in before the applicant types: each empty field whose <see cref="FormField.Prefill"/> names a
/// source with a value — the account's mobile, or the household record the applicant agreed to use in this draft (never
/// a registry read of its own: the agreement is the read). What was typed or saved always wins.
/// </summary>
internal sealed class FormPrefills(IAccountDirectory accounts, IOrganizationDirectory organization)
{
    public async Task<Dictionary<string, string>> FillAsync(
        ApplicationTarget target, Guid applicant, IReadOnlyList<MaterialRef> attached, IReadOnlyDictionary<string, string> typed, CancellationToken ct)
    {
        var values = new Dictionary<string, string>(typed, StringComparer.Ordinal);
        var wanted = target.Form.Fields.Where(f => f.Prefill is not null && string.IsNullOrEmpty(values.GetValueOrDefault(f.Key))).ToList();
        if (wanted.Count == 0) return values;
        var household = Household(target, attached);
        foreach (var field in wanted)
        {
            var value = field.Prefill switch
            {
                FormPrefill.AccountPhone => (await accounts.ContactAsync(applicant, ct))?.Phone,
                FormPrefill.HouseholdAddress => household?.FirstOrDefault(v => v.Name == "address")?.Value,
                FormPrefill.HouseholdDivision => await DivisionCodeAsync(household?.FirstOrDefault(v => v.Name == "divisionCode")?.Value, ct),
                _ => null,
            };
            if (!string.IsNullOrEmpty(value)) values[field.Key] = value;
        }
        return values;
    }

    /// <summary>The fields of the household record attached to the draft with the applicant's agreement, if any.</summary>
    private static IReadOnlyList<FactField>? Household(ApplicationTarget target, IReadOnlyList<MaterialRef> attached) =>
        target.Materials.Where(m => m.RegistryFact == "population.household")
            .Select(m => attached.FirstOrDefault(a => a.Key == m.Key && a.Source == MaterialSource.RegistryFact)?.Fact?.Fields)
            .FirstOrDefault(f => f is not null);

    /// <summary>The fact names a division as a reader does (its full name); the form keeps its code.</summary>
    private async Task<string?> DivisionCodeAsync(string? name, CancellationToken ct) =>
        name is null ? null : (await organization.DivisionNamesAsync(ct)).FirstOrDefault(d => d.Value == name).Key;
}
