using Tongban.Kernel.Data;
using Tongban.Kernel.Errors;

namespace Tongban.Catalog.Domain;

internal readonly record struct ItemId(Guid Value) : IEntityId<ItemId>
{
    public static ItemId New() => new(Guid.CreateVersion7());
    public static ItemId From(Guid value) => new(value);
}

internal enum ItemStatus
{
    /// <summary>Never published yet.</summary>
    Draft = 1,
    Published = 2,
    Suspended = 3,
    Abolished = 4,
}

internal enum VersionState
{
    Draft = 1,
    Submitted = 2,
    Returned = 3,
    Approved = 4,
}

/// <summary>
/// A service item with its versions. A version is drafted, submitted for legality review, returned with an
/// opinion or approved with an effective date; the published version stays live until a later approved one
/// takes effect. Suspension and abolition keep the history and give the public a reason.
/// </summary>
internal sealed class ServiceItem
{
    private readonly List<ItemVersion> _versions = [];

    private ServiceItem() { }

    public ItemId Id { get; private set; }
    public string BasicCode { get; private set; } = "";
    public string ImplementationCode { get; private set; } = "";
    public ItemStatus Status { get; private set; }
    public string? StatusReason { get; private set; }
    /// <summary>When the item was abolished: the provincial feed gives an abolition as a change at this instant.</summary>
    public DateTimeOffset? AbolishedAt { get; private set; }
    public IReadOnlyList<ItemVersion> Versions => _versions;

    public static ServiceItem Create(string basicCode, string implementationCode)
    {
        var errors = ItemCodes.Check(basicCode, implementationCode);
        if (errors.Count > 0) throw new DomainException(errors);
        return new ServiceItem { Id = ItemId.New(), BasicCode = basicCode.Trim(), ImplementationCode = implementationCode.Trim(), Status = ItemStatus.Draft };
    }

    /// <summary>The version the public sees on <paramref name="date"/>: the latest approved one in effect.</summary>
    public ItemVersion? EffectiveOn(DateOnly date) => _versions
        .Where(v => v.State == VersionState.Approved && v.EffectiveFrom <= date)
        .MaxBy(v => v.Number);

    /// <summary>The version being worked on (draft, submitted or returned), if any.</summary>
    public ItemVersion? Open => _versions.SingleOrDefault(v => v.State is VersionState.Draft or VersionState.Submitted or VersionState.Returned);

    /// <summary>Starts or replaces the open draft. Elements may be incomplete until submission.</summary>
    public ItemVersion Edit(ItemElements elements, string actor, DateTimeOffset at)
    {
        EnsureNotAbolished();
        var invalid = elements.Invalid();
        if (invalid.Count > 0) throw new DomainException(invalid);
        if (Open is { State: VersionState.Submitted })
            throw Rule("item.under_review", "该版本正在合法性审查中，审查结束前不能修改", "This version is under legality review; it cannot change until the review ends");
        if (Open is { } open)
        {
            open.Replace(elements, actor, at);
            return open;
        }
        var version = ItemVersion.Draft(Id, _versions.Count + 1, elements, actor, at);
        _versions.Add(version);
        return version;
    }

    /// <summary>Sends the open draft to legality review; every missing element is named at once.</summary>
    public ItemVersion Submit(string actor, DateTimeOffset at)
    {
        EnsureNotAbolished();
        var open = Open ?? throw Rule("item.nothing_to_submit", "没有待提交的草稿", "There is no draft to submit");
        if (open.State == VersionState.Submitted)
            throw Rule("item.already_submitted", "该版本已提交审查", "This version is already under review");
        var missing = open.Elements.Missing().Concat(open.Elements.Invalid()).ToList();
        if (missing.Count > 0) throw new DomainException(missing);
        open.Submit(actor, at);
        return open;
    }

    /// <summary>The legality reviewer approves; the version is published from <paramref name="effectiveFrom"/>.</summary>
    public ItemVersion Approve(string reviewer, string? opinion, DateOnly effectiveFrom, DateOnly today, DateTimeOffset at)
    {
        var open = Submitted();
        if (effectiveFrom < today)
            throw Rule("item.effective_in_past", "生效日期不能早于今天", "The effective date cannot be in the past", "effective_from", ErrorKind.Invalid);
        if (open.SubmittedBy == reviewer)
            throw Rule("item.review_own", "不能审查自己提交的版本", "A reviewer cannot approve a version they submitted", kind: ErrorKind.Forbidden);
        open.Approve(reviewer, opinion, effectiveFrom, at);
        if (Status == ItemStatus.Draft) Status = ItemStatus.Published;
        return open;
    }

    /// <summary>The legality reviewer returns the version with an opinion; it becomes editable again.</summary>
    public ItemVersion Return(string reviewer, string opinion, DateTimeOffset at)
    {
        if (string.IsNullOrWhiteSpace(opinion))
            throw Rule("item.opinion_required", "退回时必须填写审查意见", "Returning a version needs an opinion", "opinion", ErrorKind.Invalid);
        var open = Submitted();
        open.Return(reviewer, opinion, at);
        return open;
    }

    /// <summary>A version approved upstream (the provincial catalog) is taken as it is, effective at once.</summary>
    public ItemVersion AcceptUpstream(ItemElements elements, string source, DateOnly effectiveFrom, DateTimeOffset at)
    {
        EnsureNotAbolished();
        var errors = elements.Missing().Concat(elements.Invalid()).ToList();
        if (errors.Count > 0) throw new DomainException(errors);
        if (Open is { } open) _versions.Remove(open); // the upstream version supersedes local work in progress
        var version = ItemVersion.Draft(Id, _versions.Count + 1, elements, source, at);
        version.Approve(source, null, effectiveFrom, at);
        _versions.Add(version);
        if (Status == ItemStatus.Draft) Status = ItemStatus.Published;
        return version;
    }

    public void Suspend(string reason)
    {
        if (Status != ItemStatus.Published)
            throw Rule("item.not_published", "只有已发布的事项可以暂停", "Only a published item can be suspended", kind: ErrorKind.Conflict);
        StatusReason = Reason(reason);
        Status = ItemStatus.Suspended;
    }

    public void Resume()
    {
        if (Status != ItemStatus.Suspended)
            throw Rule("item.not_suspended", "事项未被暂停", "The item is not suspended", kind: ErrorKind.Conflict);
        Status = ItemStatus.Published;
        StatusReason = null;
    }

    public void Abolish(string reason, DateTimeOffset at)
    {
        EnsureNotAbolished();
        StatusReason = Reason(reason);
        Status = ItemStatus.Abolished;
        AbolishedAt = at;
        if (Open is { } open) _versions.Remove(open);
    }

    /// <summary>Whether an applicant may apply for the item now.</summary>
    public bool AcceptsApplications => Status == ItemStatus.Published;

    private ItemVersion Submitted() => Open is { State: VersionState.Submitted } open ? open
        : throw Rule("item.not_submitted", "没有待审查的版本", "No version is waiting for review", kind: ErrorKind.Conflict);

    private void EnsureNotAbolished()
    {
        if (Status == ItemStatus.Abolished)
            throw Rule("item.abolished", $"事项已取消：{StatusReason}", $"The item was abolished: {StatusReason}", kind: ErrorKind.Conflict);
    }

    private static string Reason(string reason) => string.IsNullOrWhiteSpace(reason)
        ? throw Rule("item.reason_required", "请填写原因", "Give a reason", "reason", ErrorKind.Invalid)
        : reason.Trim();

    private static DomainException Rule(string code, string zh, string en, string? field = null, ErrorKind kind = ErrorKind.Conflict) =>
        new(new DomainError(code, zh, en, kind, field));
}
