using Tongban.Registries.Contracts;
using static Tongban.Registries.Contracts.FieldSensitivity;

namespace Tongban.Sharing.Tests;

/// <summary>
/// The registries' field catalogue as <c>IRegistryRecords.Registries</c> describes it, for a host on which the
/// registries module does not yet provide <see cref="IRegistryRecords"/>. Registered only when the host has none.
/// </summary>
internal sealed class RegistryCatalogue : IRegistryRecords
{
    public IReadOnlyList<RegistryDescription> Registries { get; } =
    [
        new(RegistryKind.Population, "population", "人口库", "Population registry", "idNumber", Fields(
            ("idNumber", "string", Sensitive), ("name", "string", Sensitive), ("sex", "string", FieldSensitivity.Internal), ("birthDate", "date", Sensitive),
            ("ethnicity", "string", FieldSensitivity.Internal), ("address", "string", Sensitive), ("divisionCode", "string", FieldSensitivity.Internal), ("householdNumber", "string", Sensitive),
            ("relationToHead", "string", Sensitive), ("maritalStatus", "string", Sensitive), ("status", "string", FieldSensitivity.Internal), ("updatedOn", "date", FieldSensitivity.Internal))),
        new(RegistryKind.LegalEntities, "legal-entities", "法人库", "Legal entity registry", "creditCode", Fields(
            ("creditCode", "string", Public), ("name", "string", Public), ("entityType", "string", Public), ("legalRepresentative", "string", Public),
            ("address", "string", Public), ("divisionCode", "string", Public), ("status", "string", Public), ("establishedOn", "date", Public),
            ("businessScope", "string", Public), ("updatedOn", "date", FieldSensitivity.Internal))),
        new(RegistryKind.Geospatial, "geospatial", "地理空间库", "Geospatial registry", "code", Fields(
            ("code", "string", Public), ("kind", "string", Public), ("name", "string", Public), ("divisionCode", "string", Public),
            ("geometry", "geojson", FieldSensitivity.Internal), ("updatedOn", "date", FieldSensitivity.Internal))),
        new(RegistryKind.CreditLists, "credit-lists", "信用红黑名单", "Credit red and black lists", "subjectCode", Fields(
            ("entryNumber", "string", Public), ("subjectCode", "string", Sensitive), ("subjectName", "string", FieldSensitivity.Internal), ("list", "string", Public),
            ("reason", "string", Public), ("sourceDepartment", "string", Public), ("listedOn", "date", Public), ("expiresOn", "date", Public),
            ("updatedOn", "date", FieldSensitivity.Internal))),
    ];

    private static RegistryField[] Fields(params (string Name, string Type, FieldSensitivity Sensitivity)[] fields) =>
        [.. fields.Select(f => new RegistryField(f.Name, f.Type, f.Sensitivity, f.Name, f.Name))];

    public Task<IReadOnlyList<RegistryRecordView>> ReadAsync(RegistryKind kind, string key, IReadOnlyCollection<string> fields, RegistryRead read, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task<IReadOnlyList<RegistryCount>> CountAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<IReadOnlyList<AccessView>> ReadsOfAsync(string subjectKey, int limit, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<CallStatistics> CallStatisticsAsync(CancellationToken cancellationToken) => throw new NotSupportedException();
}
