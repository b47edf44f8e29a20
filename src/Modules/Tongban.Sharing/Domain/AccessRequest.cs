using Tongban.Kernel.Errors;

namespace Tongban.Sharing.Domain;

/// <summary>What a consumer department asks of a published resource: which items, why, for how long.</summary>
internal sealed record AccessTerms(string ConsumerCreditCode, string Purpose, IReadOnlyList<string> Fields, DateOnly ValidFrom, DateOnly ValidUntil);

/// <summary>
/// A consumer department's request for a resource (共享申请). The provider approves it, creating a
/// <see cref="Grant"/>, or declines it with a reason. An unconditional resource is granted at once; a
/// resource that is not shared cannot be requested at all.
/// </summary>
internal sealed class AccessRequest
{
    private AccessRequest() { }

    public RequestId Id { get; private set; }
    public string ConsumerCreditCode { get; private set; } = "";
    public string ResourceCode { get; private set; } = "";
    public string ProviderCreditCode { get; private set; } = "";
    public string Purpose { get; private set; } = "";
    public List<string> Fields { get; private set; } = [];
    public DateOnly ValidFrom { get; private set; }
    public DateOnly ValidUntil { get; private set; }
    public RequestStatus Status { get; private set; }
    public string RequestedBy { get; private set; } = "";
    public DateTimeOffset RequestedAt { get; private set; }
    public string? DecidedBy { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public string? DeclineReason { get; private set; }
    public GrantId? GrantId { get; private set; }

    public static AccessRequest Create(string resourceCode, ResourceDetails live, AccessTerms terms, DateOnly today, string actor, DateTimeOffset at)
    {
        if (live.SharingType == SharingType.NotShared)
            throw new DomainException(new DomainError("request.not_shared", $"该资源不予共享，不能申请：{live.SharingTerms}",
                $"This resource is not shared and cannot be requested: {live.SharingTerms}", ErrorKind.Conflict, "resource_code"));
        var errors = new List<DomainError>();
        if (terms.ConsumerCreditCode == live.ProviderCreditCode)
            errors.Add(Error("request.own_resource", "提供部门无需申请自己的资源", "A provider does not request its own resource", "consumer_credit_code"));
        if (string.IsNullOrWhiteSpace(terms.Purpose))
            errors.Add(Error("request.purpose_required", "请写明用途（办理哪类事项、依据什么）", "State the purpose (which work, on what basis)", "purpose"));
        var fields = terms.Fields.Select(f => f.Trim()).Where(f => f.Length > 0).Distinct().ToList();
        if (fields.Count == 0) errors.Add(Error("request.fields_required", "请至少选择一个信息项", "Choose at least one data item", "fields"));
        foreach (var unknown in fields.Where(f => live.Items.All(i => i.Name != f)))
            errors.Add(Error("request.field_unknown", $"资源没有信息项{unknown}", $"The resource has no item {unknown}", "fields"));
        if (terms.ValidFrom < today) errors.Add(Error("request.from_past", "开始日期不能早于今天", "The period cannot start in the past", "valid_from"));
        if (terms.ValidUntil < terms.ValidFrom) errors.Add(Error("request.until_before_from", "截止日期不能早于开始日期", "The period cannot end before it starts", "valid_until"));
        else if (terms.ValidUntil > terms.ValidFrom.AddYears(3)) errors.Add(Error("request.too_long", "一次申请的期限最长三年", "One request covers three years at most", "valid_until"));
        if (errors.Count > 0) throw new DomainException(errors);
        return new AccessRequest
        {
            Id = RequestId.New(), ConsumerCreditCode = terms.ConsumerCreditCode, ResourceCode = resourceCode, ProviderCreditCode = live.ProviderCreditCode,
            Purpose = terms.Purpose.Trim(), Fields = fields, ValidFrom = terms.ValidFrom, ValidUntil = terms.ValidUntil,
            Status = RequestStatus.Pending, RequestedBy = actor, RequestedAt = at,
        };
    }

    public Grant Approve(string actor, DateTimeOffset at)
    {
        EnsurePending(actor);
        var grant = Grant.For(this, actor, at);
        (Status, DecidedBy, DecidedAt, GrantId) = (RequestStatus.Approved, actor, at, grant.Id);
        return grant;
    }

    /// <summary>An unconditional resource is granted without a decision by anyone.</summary>
    public Grant GrantAtOnce(string system, DateTimeOffset at)
    {
        var grant = Grant.For(this, system, at);
        (Status, DecidedBy, DecidedAt, GrantId) = (RequestStatus.Approved, system, at, grant.Id);
        return grant;
    }

    public void Decline(string reason, string actor, DateTimeOffset at)
    {
        if (string.IsNullOrWhiteSpace(reason))
            throw new DomainException(Error("request.reason_required", "拒绝时必须说明理由", "Declining needs a reason", "reason"));
        EnsurePending(actor);
        (Status, DecidedBy, DecidedAt, DeclineReason) = (RequestStatus.Declined, actor, at, reason.Trim());
    }

    private void EnsurePending(string actor)
    {
        if (Status != RequestStatus.Pending)
            throw new DomainException(new DomainError("request.decided", "该申请已处理", "The request has been decided", ErrorKind.Conflict));
        if (actor == RequestedBy)
            throw new DomainException(new DomainError("request.decide_own", "不能审批自己提出的申请", "Nobody decides a request they made", ErrorKind.Forbidden));
    }

    private static DomainError Error(string code, string zh, string en, string field) => new(code, zh, en, Field: field);
}
