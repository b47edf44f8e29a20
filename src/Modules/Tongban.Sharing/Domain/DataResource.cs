using System.Text.RegularExpressions;
using Tongban.Kernel.Errors;
using Tongban.Registries.Contracts;

namespace Tongban.Sharing.Domain;

/// <summary>
/// A government information resource (政务信息资源) in the catalog. Its working copy is drafted, submitted,
/// returned with an opinion or published by a data administrator who did not register or submit it. The
/// published copy (<see cref="Live"/>) is what consumers request and the exchange serves; it stays live while
/// a change is drafted and reviewed, until the change is published or the resource is withdrawn.
/// </summary>
internal sealed partial class DataResource
{
    private DataResource() { }

    public ResourceId Id { get; private set; }

    /// <summary>The provider's credit code and a five-digit sequence number: <c>11211200061012195B-00001</c>.</summary>
    public string Code { get; private set; } = "";

    public ResourceStatus Status { get; private set; }
    public ResourceDetails Working { get; private set; } = new();
    public ResourceDetails? Live { get; private set; }

    // Copied from the working copy so lists, filters and statistics query columns, not documents.
    public string Name { get; private set; } = "";
    public string ProviderCreditCode { get; private set; } = "";
    public SharingType SharingType { get; private set; }
    public ResourceClass Classification { get; private set; }

    public string RegisteredBy { get; private set; } = "";
    public DateTimeOffset RegisteredAt { get; private set; }
    public string EditedBy { get; private set; } = "";
    public DateTimeOffset EditedAt { get; private set; }
    public string? SubmittedBy { get; private set; }
    public DateTimeOffset? SubmittedAt { get; private set; }
    public string? ReviewedBy { get; private set; }
    public DateTimeOffset? ReviewedAt { get; private set; }
    public string? Opinion { get; private set; }
    public DateTimeOffset? PublishedAt { get; private set; }
    public string? WithdrawnReason { get; private set; }

    public bool IsLive => Live is not null;

    public static string CodeFor(string providerCreditCode, int sequence) => $"{providerCreditCode}-{sequence:D5}";

    public static DataResource Register(string code, ResourceDetails details, RegistryDescription? registry, string actor, DateTimeOffset at)
    {
        details = details.Normalized();
        if (!CodePattern().IsMatch(code) || !code.StartsWith(details.ProviderCreditCode + "-", StringComparison.Ordinal))
            throw Rule("resource.code", $"资源代码应为提供部门的统一社会信用代码加五位顺序号，如{CodeFor(details.ProviderCreditCode, 1)}",
                $"The code is the provider's credit code and a five-digit number, e.g. {CodeFor(details.ProviderCreditCode, 1)}", "code", ErrorKind.Invalid);
        var resource = new DataResource { Id = ResourceId.New(), Code = code, RegisteredBy = actor, RegisteredAt = at };
        resource.Replace(details, registry, actor, at);
        return resource;
    }

    /// <summary>Starts a change (or goes on with one); a published copy stays live meanwhile.</summary>
    public void Edit(ResourceDetails details, RegistryDescription? registry, string actor, DateTimeOffset at)
    {
        if (Status == ResourceStatus.Submitted)
            throw Rule("resource.under_review", "该资源正在审核中，审核结束前不能修改", "The resource is under review; it cannot change until the review ends");
        details = details.Normalized();
        if (details.ProviderCreditCode != ProviderCreditCode)
            throw Rule("resource.provider_fixed", "资源的提供部门不能更改，请由新部门重新登记", "The provider cannot change; the new provider registers the resource anew", "provider_credit_code", ErrorKind.Invalid);
        Replace(details, registry, actor, at);
    }

    public void Submit(string actor, DateTimeOffset at)
    {
        if (Status is not (ResourceStatus.Draft or ResourceStatus.Returned))
            throw Rule("resource.nothing_to_submit", "没有待提交的登记或修改", "There is no registration or change to submit");
        (Status, SubmittedBy, SubmittedAt) = (ResourceStatus.Submitted, actor, at);
    }

    public void Approve(string reviewer, DateTimeOffset at)
    {
        EnsureReviewable(reviewer);
        (Live, Status, ReviewedBy, ReviewedAt, Opinion, PublishedAt, WithdrawnReason) = (Working, ResourceStatus.Published, reviewer, at, null, at, null);
    }

    public void Return(string reviewer, string opinion, DateTimeOffset at)
    {
        if (string.IsNullOrWhiteSpace(opinion))
            throw Rule("resource.opinion_required", "退回时必须填写审核意见", "Returning a resource needs an opinion", "opinion", ErrorKind.Invalid);
        EnsureReviewable(reviewer);
        (Status, ReviewedBy, ReviewedAt, Opinion) = (ResourceStatus.Returned, reviewer, at, opinion.Trim());
    }

    /// <summary>Takes the resource out of the catalog: it can no longer be requested, and the exchange stops serving it.</summary>
    public void Withdraw(string reason, string actor, DateTimeOffset at)
    {
        if (string.IsNullOrWhiteSpace(reason))
            throw Rule("resource.reason_required", "撤销时必须填写原因", "Withdrawing a resource needs a reason", "reason", ErrorKind.Invalid);
        if (Live is null)
            throw Rule("resource.not_published", "只有已发布的资源可以撤销", "Only a published resource can be withdrawn");
        (Live, Status, WithdrawnReason, EditedBy, EditedAt) = (null, ResourceStatus.Withdrawn, reason.Trim(), actor, at);
    }

    private void Replace(ResourceDetails details, RegistryDescription? registry, string actor, DateTimeOffset at)
    {
        var errors = details.Invalid(registry);
        if (errors.Count > 0) throw new DomainException(errors);
        (Working, Status, EditedBy, EditedAt) = (details, ResourceStatus.Draft, actor, at);
        (Name, ProviderCreditCode, SharingType, Classification) = (details.Name, details.ProviderCreditCode, details.SharingType, details.Classification);
    }

    private void EnsureReviewable(string reviewer)
    {
        if (Status != ResourceStatus.Submitted)
            throw Rule("resource.not_submitted", "该资源没有待审核的登记或修改", "The resource has nothing waiting for review");
        if (reviewer == RegisteredBy || reviewer == SubmittedBy || reviewer == EditedBy)
            throw Rule("resource.review_own", "不能审核自己登记或提交的资源", "A reviewer cannot review a resource they registered, edited or submitted", kind: ErrorKind.Forbidden);
    }

    private static DomainException Rule(string code, string zh, string en, string? field = null, ErrorKind kind = ErrorKind.Conflict) =>
        new(new DomainError(code, zh, en, kind, field));

    [GeneratedRegex("^[0-9A-HJ-NP-RT-UW-Y]{18}-[0-9]{5}$")]
    private static partial Regex CodePattern();
}
