namespace Tongban.Registries.Contracts;

/// <summary>The four base registries (基础库).</summary>
public enum RegistryKind
{
    /// <summary>人口库: keyed by resident ID number.</summary>
    Population,

    /// <summary>法人库: keyed by unified social credit code.</summary>
    LegalEntities,

    /// <summary>地理空间库: named places, addresses and parcels, keyed by their code.</summary>
    Geospatial,

    /// <summary>信用红黑名单: keyed by the subject's ID number or credit code; a subject may have several entries.</summary>
    CreditLists,
}

/// <summary>How much harm a field does when it leaks: decides what a resource may share and on which terms.</summary>
public enum FieldSensitivity
{
    /// <summary>公开: may be published.</summary>
    Public,

    /// <summary>内部: for government use.</summary>
    Internal,

    /// <summary>敏感: personal information; shared only on conditions.</summary>
    Sensitive,
}

/// <summary>One data item of a registry, as its resource catalog entry lists it.</summary>
public sealed record RegistryField(string Name, string Type, FieldSensitivity Sensitivity, string Chinese, string English);

/// <summary>A registry's code (<c>population</c>, <c>legal-entities</c>, …), names, key field and data items.</summary>
public sealed record RegistryDescription(RegistryKind Kind, string Code, string Chinese, string English, string KeyField, IReadOnlyList<RegistryField> Fields);

/// <summary>
/// Who reads, for whom and why. Every read of a registry record carries one; the registries module
/// writes it to the access log before the answer leaves.
/// </summary>
/// <param name="Caller">The calling system or module (an OAuth2 client id, or <c>module:identity</c>).</param>
/// <param name="CallerDepartment">The credit code of the department the caller belongs to, when it belongs to one.</param>
/// <param name="OnBehalfOf">The end user on whose behalf the call is made (a staff account or an applicant's account id), never an ID number.</param>
/// <param name="Purpose">Why: shown to the person whose data was read.</param>
/// <param name="Resource">The resource (catalog code) or fact the read went through.</param>
public sealed record RegistryRead(string Caller, string? CallerDepartment, string? OnBehalfOf, string Purpose, string Resource);

/// <summary>A current record, reduced to the fields asked for.</summary>
public sealed record RegistryRecordView(IReadOnlyDictionary<string, object?> Fields);

/// <summary>Records held by a registry: current ones and every version including history.</summary>
public sealed record RegistryCount(RegistryKind Kind, string Code, long Current, long Versions);

/// <summary>One read of someone's data, as the person sees it ("谁查看了我的数据").</summary>
public sealed record AccessView(DateTimeOffset At, string Caller, string? CallerDepartment, string? OnBehalfOf, string Purpose, string Resource, int ResultCount);

/// <summary>Reads per department and per resource.</summary>
public sealed record CallCount(string Key, long Calls, long Records);

public sealed record CallStatistics(long Total, IReadOnlyList<CallCount> ByDepartment, IReadOnlyList<CallCount> ByResource);

/// <summary>
/// Reading the registries. The only way to a record: every read is logged, with its caller, purpose and
/// a keyed hash of the subject, in the append-only access log.
/// </summary>
public interface IRegistryRecords
{
    IReadOnlyList<RegistryDescription> Registries { get; }

    /// <summary>
    /// Current records with <paramref name="key"/>, reduced to <paramref name="fields"/> (names from the
    /// registry's description; unknown names are refused). Population, legal entities and geospatial give
    /// at most one record; credit lists every current entry of the subject.
    /// </summary>
    Task<IReadOnlyList<RegistryRecordView>> ReadAsync(RegistryKind kind, string key, IReadOnlyCollection<string> fields, RegistryRead read, CancellationToken cancellationToken);

    Task<IReadOnlyList<RegistryCount>> CountAsync(CancellationToken cancellationToken);

    /// <summary>Every logged read of the records of a person or entity, newest first.</summary>
    Task<IReadOnlyList<AccessView>> ReadsOfAsync(string subjectKey, int limit, CancellationToken cancellationToken);

    Task<CallStatistics> CallStatisticsAsync(CancellationToken cancellationToken);
}

public enum PersonCheck
{
    /// <summary>A living person with this ID number and name.</summary>
    Match,

    /// <summary>No person with this ID number and name: either is wrong, or the person is not registered here.</summary>
    NoMatch,

    /// <summary>The ID number and name match a person registered as deceased.</summary>
    Deceased,
}

public enum EntityCheck
{
    /// <summary>An active entity with this credit code and name.</summary>
    Match,

    NoMatch,

    /// <summary>The credit code and name match an entity that is cancelled, revoked or moved out.</summary>
    Inactive,
}

/// <summary>What the legal-entity registry says of a person claiming to represent an entity (identity module: registering an enterprise).</summary>
public enum RepresentativeCheck
{
    /// <summary>An active entity with this credit code and name, whose recorded legal representative has this ID number.</summary>
    Representative,

    /// <summary>An active entity with this credit code and name whose recorded legal representative is someone else.</summary>
    NotRepresentative,

    /// <summary>The registry holds this credit code under another name.</summary>
    NameDiffers,

    /// <summary>The credit code and name match an entity that is cancelled, revoked or moved out.</summary>
    Inactive,

    /// <summary>The registry cannot say: it holds no such credit code, or no representative's ID number for it.</summary>
    Unknown,
}

/// <summary>A fact taken from a registry in place of a paper material: a few named values, never a whole record.</summary>
public sealed record RegistryFact(string Fact, string Chinese, string English, IReadOnlyList<FactValue> Values, DateOnly UpdatedOn);

/// <summary>
/// One value of a fact as a person reads it: <see cref="Value"/> in Chinese, <see cref="ValueEn"/> where English differs (a
/// status's label, a division's name); <see cref="Stored"/> as the registry holds it (a code), for a module that decides by it.
/// </summary>
public sealed record FactValue(string Name, string Chinese, string English, string Value, string? ValueEn = null)
{
    public string Stored { get; init; } = Value;
}

/// <summary>What other modules (identity, applications) may ask of the registries; every call is logged as a read.</summary>
public interface IRegistryVerification
{
    Task<PersonCheck> VerifyPersonAsync(string idNumber, string name, RegistryRead read, CancellationToken cancellationToken);

    Task<EntityCheck> VerifyEntityAsync(string creditCode, string name, RegistryRead read, CancellationToken cancellationToken);

    /// <summary>Whether the person with <paramref name="idNumber"/> is the recorded legal representative of the entity; the ID number is compared, never returned.</summary>
    Task<RepresentativeCheck> VerifyRepresentativeAsync(string creditCode, string name, string idNumber, RegistryRead read, CancellationToken cancellationToken);

    /// <summary>
    /// The fact (<c>population.identity</c>, <c>population.household</c>, <c>population.marriage</c>,
    /// <c>legal-entity.registration</c>, <c>geospatial.parcel</c>, <c>credit.status</c>) about
    /// <paramref name="subjectKey"/>, or null when the registry holds no current record.
    /// </summary>
    Task<RegistryFact?> FetchFactAsync(string fact, string subjectKey, RegistryRead read, CancellationToken cancellationToken);
}
