using Tongban.Kernel.Data;
using Tongban.Kernel.Errors;

namespace Tongban.Licenses.Domain;

internal readonly record struct LicenseTypeId(Guid Value) : IEntityId<LicenseTypeId>
{
    public static LicenseTypeId New() => new(Guid.CreateVersion7());
    public static LicenseTypeId From(Guid value) => new(value);
}

internal enum TypeState
{
    /// <summary>Never published: no license can be issued yet.</summary>
    Draft = 1,
    Published = 2,
}

/// <summary>
/// A license type (证照目录) with its versions, under the catalog's review discipline: a license administrator drafts
/// a version and submits it; another license administrator publishes it or returns it with an opinion. Licenses are
/// issued under the latest published version; a version being worked on never changes what is issued.
/// </summary>
internal sealed class LicenseType
{
    private readonly List<LicenseTypeVersion> _versions = [];

    private LicenseType() { }

    public LicenseTypeId Id { get; private set; }
    public string Code { get; private set; } = "";
    public TypeState State { get; private set; }
    public IReadOnlyList<LicenseTypeVersion> Versions => _versions;

    public static LicenseType Create(string code)
    {
        var (checkedCode, error) = LicenseTypeCode.Check(code);
        if (error is not null) throw new DomainException(error);
        return new LicenseType { Id = LicenseTypeId.New(), Code = checkedCode!, State = TypeState.Draft };
    }

    /// <summary>The version licenses are issued under now, or null before the first publication.</summary>
    public LicenseTypeVersion? Published => _versions.Where(v => v.State == VersionState.Published).MaxBy(v => v.Number);

    /// <summary>The version being worked on (draft, submitted or returned), if any.</summary>
    public LicenseTypeVersion? Open => _versions.SingleOrDefault(v => v.State is VersionState.Draft or VersionState.Submitted or VersionState.Returned);

    /// <summary>Starts or replaces the open draft; the definition must be sound (every fault named).</summary>
    public LicenseTypeVersion Edit(TypeDefinition definition, string actor, DateTimeOffset at)
    {
        if (TypeDefinitionRules.Check(definition) is { Count: > 0 } errors) throw new DomainException(errors);
        if (Open is { State: VersionState.Submitted })
            throw Rule("license_type.under_review", "该版本正在审核中，审核结束前不能修改", "This version is under review; it cannot change until the review ends");
        if (Open is { } open)
        {
            open.Replace(definition, actor, at);
            return open;
        }
        var version = LicenseTypeVersion.Draft(Id, _versions.Count + 1, definition, actor, at);
        _versions.Add(version);
        return version;
    }

    public LicenseTypeVersion Submit(string actor, DateTimeOffset at)
    {
        var open = Open ?? throw Rule("license_type.nothing_to_submit", "没有待提交的草稿", "There is no draft to submit");
        if (open.State == VersionState.Submitted) throw Rule("license_type.already_submitted", "该版本已提交审核", "This version is already under review");
        open.Submit(actor, at);
        return open;
    }

    /// <summary>Another license administrator publishes the submitted version; from now on licenses are issued under it.</summary>
    public LicenseTypeVersion Publish(string reviewer, string? opinion, DateTimeOffset at)
    {
        var open = Submitted();
        if (open.SubmittedBy == reviewer)
            throw Rule("license_type.review_own", "不能审核自己提交的版本", "A reviewer cannot publish a version they submitted", ErrorKind.Forbidden);
        open.Publish(reviewer, opinion, at);
        State = TypeState.Published;
        return open;
    }

    public LicenseTypeVersion Return(string reviewer, string opinion, DateTimeOffset at)
    {
        if (string.IsNullOrWhiteSpace(opinion))
            throw new DomainException(new DomainError("license_type.opinion_required", "退回时必须填写审核意见", "Returning a version needs an opinion", Field: "opinion"));
        var open = Submitted();
        open.Return(reviewer, opinion.Trim(), at);
        return open;
    }

    /// <summary>A version from a region pack or the provincial library, published as it is.</summary>
    public LicenseTypeVersion AcceptPublished(TypeDefinition definition, string source, DateTimeOffset at)
    {
        if (TypeDefinitionRules.Check(definition) is { Count: > 0 } errors) throw new DomainException(errors);
        if (Open is { } open) _versions.Remove(open);
        var version = LicenseTypeVersion.Draft(Id, _versions.Count + 1, definition, source, at);
        version.Publish(source, null, at);
        _versions.Add(version);
        State = TypeState.Published;
        return version;
    }

    private LicenseTypeVersion Submitted() => Open is { State: VersionState.Submitted } open ? open
        : throw Rule("license_type.not_submitted", "没有待审核的版本", "No version is waiting for review");

    private static DomainException Rule(string code, string zh, string en, ErrorKind kind = ErrorKind.Conflict) => new(new DomainError(code, zh, en, kind));
}

internal enum VersionState
{
    Draft = 1,
    Submitted = 2,
    Returned = 3,
    Published = 4,
}

/// <summary>One version of a license type's definition, with who drafted, submitted and reviewed it.</summary>
internal sealed class LicenseTypeVersion
{
    private LicenseTypeVersion() { }

    public LicenseTypeId TypeId { get; private set; }
    public int Number { get; private set; }
    public VersionState State { get; private set; }
    public TypeDefinition Definition { get; private set; } = null!;
    public string EditedBy { get; private set; } = "";
    public DateTimeOffset EditedAt { get; private set; }
    public string? SubmittedBy { get; private set; }
    public string? ReviewedBy { get; private set; }
    public DateTimeOffset? ReviewedAt { get; private set; }
    public string? Opinion { get; private set; }

    internal static LicenseTypeVersion Draft(LicenseTypeId type, int number, TypeDefinition definition, string actor, DateTimeOffset at) => new()
    {
        TypeId = type, Number = number, State = VersionState.Draft, Definition = definition, EditedBy = actor, EditedAt = at,
    };

    internal void Replace(TypeDefinition definition, string actor, DateTimeOffset at) =>
        (Definition, EditedBy, EditedAt, State) = (definition, actor, at, VersionState.Draft);

    internal void Submit(string actor, DateTimeOffset at) => (State, SubmittedBy, EditedAt) = (VersionState.Submitted, actor, at);

    internal void Publish(string reviewer, string? opinion, DateTimeOffset at) =>
        (State, ReviewedBy, ReviewedAt, Opinion) = (VersionState.Published, reviewer, at, opinion?.Trim());

    internal void Return(string reviewer, string opinion, DateTimeOffset at) =>
        (State, ReviewedBy, ReviewedAt, Opinion) = (VersionState.Returned, reviewer, at, opinion);
}
