using Microsoft.EntityFrameworkCore;
using Tongban.Kernel.Audit;
using Tongban.Kernel.Errors;
using Tongban.Kernel.Outbox;
using Tongban.Kernel.Security;
using Tongban.Kernel.Time;
using Tongban.Organization.Contracts;
using Tongban.Sharing.Data;
using Tongban.Sharing.Domain;
using Tongban.Sharing.Features.LookUpGrants;
using Tongban.Kernel.Data;

namespace Tongban.Sharing.Features.RequestAccess;

/// <summary>The access request as typed (API body and form).</summary>
internal sealed class RequestForm
{
    public string? ConsumerCreditCode { get; set; }
    public string? ResourceCode { get; set; }
    public string? Purpose { get; set; }
    public List<string>? Fields { get; set; } = [];
    public DateOnly? ValidFrom { get; set; }
    public DateOnly? ValidUntil { get; set; }
}

/// <summary>A consumer department requests a resource; the provider approves (a grant) or declines with a reason.</summary>
internal sealed class RequestAccess(SharingDbContext db, IOrganizationDirectory organization, ChangeSignals signals, RegionClock clock)
{
    public async Task<AccessRequest> CreateAsync(RequestForm form, SharingActor actor, CancellationToken ct)
    {
        var code = (form.ResourceCode ?? "").Trim().ToUpperInvariant();
        var resource = await db.Resources.AsNoTracking().SingleOrDefaultAsync(r => r.Code == code, ct);
        if (resource?.Live is not { } live)
            throw new DomainException(new DomainError("request.resource_unpublished", $"资源“{code}”不存在或未发布，不能申请",
                $"The resource '{code}' does not exist or is not published", resource is null ? ErrorKind.NotFound : ErrorKind.Conflict, "resource_code"));
        var consumer = (form.ConsumerCreditCode ?? "").Trim().ToUpperInvariant();
        actor.RequireActsFor(consumer, "consumer_credit_code");
        if (consumer.Length == 0 || await organization.FindDepartmentByCreditCodeAsync(consumer, ct) is null)
            throw new DomainException(new DomainError("request.consumer_unknown", $"申请部门“{consumer}”不是已登记的部门",
                $"The requesting department '{consumer}' is not registered", Field: "consumer_credit_code"));
        if (form.ValidFrom is not { } from || form.ValidUntil is not { } until)
            throw new DomainException(new DomainError("request.period_required", "请填写使用期限的开始和截止日期", "Give the period's first and last day",
                Field: form.ValidFrom is null ? "valid_from" : "valid_until"));

        var request = AccessRequest.Create(code, live, new AccessTerms(consumer, form.Purpose ?? "", [.. (form.Fields ?? []).OfType<string>()], from, until), clock.Today, actor.Name, clock.UtcNow);
        db.Requests.Add(request);
        Audit(actor.Name, "sharing.access_requested", request, request.Purpose);
        if (live.SharingType == SharingType.Unconditional)
        {
            var grant = request.GrantAtOnce(Actor.System, clock.UtcNow);
            db.Grants.Add(grant);
            Audit(Actor.System, "sharing.access_granted", request, "无条件共享 unconditional");
        }
        await SaveAsync(ct);
        return request;
    }

    public async Task<AccessRequest> ApproveAsync(Guid id, SharingActor actor, CancellationToken ct)
    {
        var request = await LoadToDecideAsync(id, actor, ct);
        db.Grants.Add(request.Approve(actor.Name, clock.UtcNow));
        Audit(actor.Name, "sharing.access_granted", request, null);
        await SaveAsync(ct);
        return request;
    }

    public async Task<AccessRequest> DeclineAsync(Guid id, string reason, SharingActor actor, CancellationToken ct)
    {
        var request = await LoadToDecideAsync(id, actor, ct);
        request.Decline(reason, actor.Name, clock.UtcNow);
        Audit(actor.Name, "sharing.access_declined", request, reason);
        await SaveAsync(ct);
        return request;
    }

    /// <summary>The provider decides; the consumer sees its request but is told it may not decide; anyone else is told it does not exist.</summary>
    private async Task<AccessRequest> LoadToDecideAsync(Guid id, SharingActor actor, CancellationToken ct)
    {
        var request = await db.Requests.SingleOrDefaultAsync(r => r.Id == RequestId.From(id), ct);
        if (request is null || !actor.Sees(request.ProviderCreditCode, request.ConsumerCreditCode))
            throw new DomainException(DomainError.NotFound("共享申请", "The access request"));
        actor.RequireProvider(request.ProviderCreditCode);
        return request;
    }

    /// <summary>The requests a department sees: those it made and those to its resources.</summary>
    public static IQueryable<AccessRequest> Visible(IQueryable<AccessRequest> requests, SharingActor actor) =>
        actor.Department is { } department ? requests.Where(r => r.ProviderCreditCode == department || r.ConsumerCreditCode == department) : requests;

    private void Audit(string actor, string action, AccessRequest request, string? details) =>
        db.Audit(new AuditRecord(actor, action, $"resource:{request.ResourceCode}", $"{request.ConsumerCreditCode} [{string.Join(",", request.Fields)}] {details}".TrimEnd(), clock.UtcNow));

    private async Task SaveAsync(CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
        await signals.AnnounceAsync(ChangeTopics.Sharing, ct);
    }
}
