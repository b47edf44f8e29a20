using Tongban.Kernel.Errors;
using Tongban.Organization.Contracts;
using Tongban.Registries.Contracts;
using Tongban.Registries.Features.DepartmentFacts;

namespace Tongban.Registries.Features.ReadRecords;

/// <summary>
/// Checks of a person or an entity, and facts in place of paper materials: a few values of one record, each as a person
/// reads it — a status or a kind by its label in both languages (living → 正常), a division by its name — since a fact is
/// shown to the applicant and kept on the case as they agreed to it. Reads go through <see cref="RegistryReader"/>, logged;
/// a fact of a department's own system through <see cref="DepartmentFactReader"/>, logged the same way.
/// </summary>
internal sealed class RegistryFacts(RegistryReader reader, IOrganizationDirectory organization, DepartmentFactReader departments) : IRegistryVerification
{
    private sealed record FactShape(RegistryKind Kind, string[] Fields);

    private static readonly Dictionary<string, FactShape> Facts = new(StringComparer.Ordinal)
    {
        ["population.identity"] = new(RegistryKind.Population, ["name", "sex", "birthDate", "ethnicity", "status"]),
        ["population.household"] = new(RegistryKind.Population, ["householdNumber", "address", "divisionCode", "relationToHead"]),
        ["population.marriage"] = new(RegistryKind.Population, ["name", "maritalStatus"]),
        ["legal-entity.registration"] = new(RegistryKind.LegalEntities, ["name", "entityType", "legalRepresentative", "address", "status", "establishedOn", "businessScope"]),
        ["geospatial.parcel"] = new(RegistryKind.Geospatial, ["name", "kind", "divisionCode"]),
        ["credit.status"] = new(RegistryKind.CreditLists, ["list", "reason", "sourceDepartment", "listedOn", "expiresOn"]),
    };

    public Task<PersonCheck> VerifyPersonAsync(string idNumber, string name, RegistryRead read, CancellationToken cancellationToken) =>
        reader.VerifyPersonAsync(idNumber, name, read, cancellationToken);

    public Task<EntityCheck> VerifyEntityAsync(string creditCode, string name, RegistryRead read, CancellationToken cancellationToken) =>
        reader.VerifyEntityAsync(creditCode, name, read, cancellationToken);

    public Task<RepresentativeCheck> VerifyRepresentativeAsync(string creditCode, string name, string idNumber, RegistryRead read, CancellationToken cancellationToken) =>
        reader.VerifyRepresentativeAsync(creditCode, name, idNumber, read, cancellationToken);

    public async Task<RegistryFact?> FetchFactAsync(string fact, string subjectKey, RegistryRead read, CancellationToken cancellationToken)
    {
        if (!Facts.TryGetValue(fact, out var shape) || RegistryResources.NameOf(fact) is not var (chinese, english))
            return await departments.FetchAsync(fact, subjectKey, read, cancellationToken); // a department's own system's, or unknown
        var records = await reader.ReadAsync(shape.Kind, subjectKey, [.. shape.Fields, "updatedOn"], read, cancellationToken);
        if (records.Count == 0) return null;
        var description = RegistryShapes.Of(shape.Kind);
        var divisions = shape.Fields.Contains("divisionCode") ? await organization.DivisionNamesAsync(cancellationToken) : null;
        var values = records.SelectMany(r => shape.Fields.Select(f =>
        {
            var field = description.Fields.Single(d => d.Name == f);
            var value = RegistryReader.Format(r.Fields[f]);
            var (zh, en) = f == "divisionCode" && divisions?.GetValueOrDefault(value) is { } place ? (place, place) : RegistryShapes.Label(f, value);
            return new FactValue(f, field.Chinese, field.English, zh, en) { Stored = value };
        })).ToList();
        var updated = records.Max(r => (DateOnly)r.Fields["updatedOn"]!);
        return new RegistryFact(fact, chinese, english, values, updated);
    }
}
