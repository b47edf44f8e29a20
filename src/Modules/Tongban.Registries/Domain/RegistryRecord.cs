namespace Tongban.Registries.Domain;

/// <summary>
/// A version of a registry record. A record's history is the rows with its key: the current one has no
/// <see cref="ValidTo"/>; a change closes it at the instant the new version becomes valid, so nothing is
/// ever overwritten. <see cref="ContentHash"/> covers every content field, so a re-import that brings the
/// same content is recognised as unchanged without comparing field by field.
/// </summary>
internal abstract class RegistryRecord
{
    public long Id { get; init; }

    /// <summary>When the source last changed the record (from the source, not from us).</summary>
    public DateOnly UpdatedOn { get; init; }

    public DateTimeOffset ValidFrom { get; init; }

    public DateTimeOffset? ValidTo { get; set; }

    public long ContentHash { get; init; }
}

internal enum PersonStatus
{
    Living,
    Deceased,
    MovedOut,
}

internal enum Sex
{
    Male = 1,
    Female = 2,
}

/// <summary>人口库: one resident.</summary>
internal sealed class Person : RegistryRecord
{
    public required string IdNumber { get; init; }
    public required string Name { get; init; }
    public Sex Sex { get; init; }
    public DateOnly BirthDate { get; init; }
    public required string Ethnicity { get; init; }
    public required string Address { get; init; }

    /// <summary>The 12-digit division of the household registration.</summary>
    public required string DivisionCode { get; init; }

    /// <summary>户号: the household this person is registered in; its members share it.</summary>
    public required string HouseholdNumber { get; init; }

    /// <summary>与户主关系: 户主, 配偶, 子, 女, 父亲, 母亲, 孙子, …</summary>
    public required string RelationToHead { get; init; }

    /// <summary>婚姻状况: 未婚, 已婚, 离婚, 丧偶.</summary>
    public required string MaritalStatus { get; init; }

    public PersonStatus Status { get; init; }
}

internal enum EntityStatus
{
    /// <summary>存续（在营）.</summary>
    Active,

    /// <summary>注销.</summary>
    Cancelled,

    /// <summary>吊销.</summary>
    Revoked,

    /// <summary>迁出.</summary>
    MovedOut,
}

/// <summary>法人库: one legal person or other organisation.</summary>
internal sealed class LegalEntity : RegistryRecord
{
    public required string CreditCode { get; init; }
    public required string Name { get; init; }

    /// <summary>类型: 有限责任公司, 个人独资企业, 农民专业合作社, 事业单位, …</summary>
    public required string EntityType { get; init; }

    public required string LegalRepresentative { get; init; }

    /// <summary>法定代表人身份证号码: what proves a person represents the entity (identity module); older records may lack it.</summary>
    public string? LegalRepresentativeIdNumber { get; init; }
    public required string Address { get; init; }
    public required string DivisionCode { get; init; }
    public EntityStatus Status { get; init; }
    public DateOnly EstablishedOn { get; init; }
    public required string BusinessScope { get; init; }
}

internal enum GeoKind
{
    /// <summary>地名: a named place (a village, a square, a bridge).</summary>
    Place,

    /// <summary>门牌地址.</summary>
    Address,

    /// <summary>宗地: a land parcel.</summary>
    Parcel,
}

/// <summary>地理空间库: a place, address or parcel with its geometry as GeoJSON (WGS 84).</summary>
internal sealed class GeoFeature : RegistryRecord
{
    public required string Code { get; init; }
    public GeoKind Kind { get; init; }
    public required string Name { get; init; }
    public required string DivisionCode { get; init; }

    /// <summary>A GeoJSON geometry object: a Point for places and addresses, a Polygon for parcels.</summary>
    public required string Geometry { get; init; }
}

internal enum CreditList
{
    /// <summary>红名单: commended, e.g. A-rated taxpayers.</summary>
    Red,

    /// <summary>黑名单: subject to joint discipline.</summary>
    Black,
}

/// <summary>信用红黑名单: one entry about a person or an entity, identified by the source's document number.</summary>
internal sealed class CreditEntry : RegistryRecord
{
    /// <summary>The source department's number for the entry (认定文书号), unique across sources.</summary>
    public required string EntryNumber { get; init; }

    /// <summary>ID number of a person or credit code of an entity.</summary>
    public required string SubjectCode { get; init; }

    public required string SubjectName { get; init; }
    public CreditList List { get; init; }
    public required string Reason { get; init; }

    /// <summary>Credit code of the department that listed the subject.</summary>
    public required string SourceDepartment { get; init; }

    public DateOnly ListedOn { get; init; }
    public DateOnly? ExpiresOn { get; init; }
}
