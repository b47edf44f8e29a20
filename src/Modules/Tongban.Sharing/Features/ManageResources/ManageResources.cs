using Microsoft.EntityFrameworkCore;
using Tongban.Kernel.Audit;
using Tongban.Kernel.Errors;
using Tongban.Kernel.Outbox;
using Tongban.Organization.Contracts;
using Tongban.Registries.Contracts;
using Tongban.Sharing.Data;
using Tongban.Sharing.Domain;
using Tongban.Sharing.Features.LookUpGrants;
using Tongban.Kernel.Data;

namespace Tongban.Sharing.Features.ManageResources;

/// <summary>A department registers a resource; a catalog keeper other than the registrant reviews and publishes it.</summary>
internal sealed class ManageResources(SharingDbContext db, IOrganizationDirectory organization, IRegistryRecords registries, ChangeSignals signals, CatalogKeepers keepers, TimeProvider clock)
{
    public async Task<DataResource> RegisterAsync(ResourceForm form, SharingActor actor, CancellationToken ct)
    {
        var details = form.ToDetails().Normalized();
        actor.RequireActsFor(details.ProviderCreditCode, "provider_credit_code");
        var registry = await CheckReferencesAsync(details, ct);
        var code = string.IsNullOrWhiteSpace(form.Code) ? await NextCodeAsync(details.ProviderCreditCode, ct) : form.Code.Trim().ToUpperInvariant();
        if (await db.Resources.AnyAsync(r => r.Code == code, ct))
            throw new DomainException(new DomainError("resource.duplicate", $"资源代码{code}已被使用", $"The resource code {code} is taken", ErrorKind.Conflict, "code"));
        var resource = DataResource.Register(code, details, registry, actor.Name, clock.GetUtcNow());
        db.Resources.Add(resource);
        return await SaveAsync(resource, actor.Name, "sharing.resource_registered", resource.Name, ct);
    }

    public async Task<DataResource> EditAsync(string code, ResourceForm form, SharingActor actor, CancellationToken ct)
    {
        var resource = await LoadAsync(code, actor, ct);
        actor.RequireActsFor(resource.ProviderCreditCode, "provider_credit_code");
        var details = form.ToDetails().Normalized();
        resource.Edit(details, await CheckReferencesAsync(details, ct), actor.Name, clock.GetUtcNow());
        return await SaveAsync(resource, actor.Name, "sharing.resource_edited", resource.Name, ct);
    }

    public Task<DataResource> SubmitAsync(string code, SharingActor actor, CancellationToken ct) =>
        ChangeAsync(code, actor, "sharing.resource_submitted", r => { actor.RequireActsFor(r.ProviderCreditCode, "provider_credit_code"); r.Submit(actor.Name, clock.GetUtcNow()); }, ct);

    public Task<DataResource> ApproveAsync(string code, SharingActor actor, CancellationToken ct) =>
        ChangeAsync(code, actor, "sharing.resource_published", r => { keepers.Require(actor); r.Approve(actor.Name, clock.GetUtcNow()); }, ct);

    public Task<DataResource> ReturnAsync(string code, string opinion, SharingActor actor, CancellationToken ct) =>
        ChangeAsync(code, actor, "sharing.resource_returned", r => { keepers.Require(actor); r.Return(actor.Name, opinion, clock.GetUtcNow()); }, ct, opinion);

    public Task<DataResource> WithdrawAsync(string code, string reason, SharingActor actor, CancellationToken ct) =>
        ChangeAsync(code, actor, "sharing.resource_withdrawn", r => r.Withdraw(reason, actor.Name, clock.GetUtcNow()), ct, reason);

    /// <summary>Only its provider and the catalog keepers open a resource; for anyone else it is "not found", so other departments' drafts are not revealed.</summary>
    public async Task<DataResource> LoadAsync(string code, SharingActor actor, CancellationToken ct)
    {
        var key = code.Trim().ToUpperInvariant();
        var resource = await db.Resources.SingleOrDefaultAsync(r => r.Code == key, ct);
        return resource is not null && keepers.See(actor, resource.ProviderCreditCode) ? resource
            : throw new DomainException(DomainError.NotFound("信息资源", "The resource"));
    }

    /// <summary>The provider must be a registered department; a registry binding brings the registry's fields to check against.</summary>
    public async Task<RegistryDescription?> CheckReferencesAsync(ResourceDetails details, CancellationToken ct)
    {
        if (details.ProviderCreditCode.Length == 0 || await organization.FindDepartmentByCreditCodeAsync(details.ProviderCreditCode, ct) is null)
            throw new DomainException(new DomainError("resource.provider_unknown", $"提供部门“{details.ProviderCreditCode}”不是已登记的部门",
                $"The provider '{details.ProviderCreditCode}' is not a registered department", Field: "provider_credit_code"));
        return details.Registry is { } kind ? registries.Registries.Single(r => r.Kind == kind) : null;
    }

    private async Task<string> NextCodeAsync(string provider, CancellationToken ct)
    {
        var prefix = provider + "-";
        var last = await db.Resources.Where(r => r.Code.StartsWith(prefix)).OrderByDescending(r => r.Code).Select(r => r.Code).FirstOrDefaultAsync(ct);
        return DataResource.CodeFor(provider, last is null ? 1 : int.Parse(last[prefix.Length..], System.Globalization.CultureInfo.InvariantCulture) + 1);
    }

    private async Task<DataResource> ChangeAsync(string code, SharingActor actor, string action, Action<DataResource> change, CancellationToken ct, string? details = null)
    {
        var resource = await LoadAsync(code, actor, ct);
        change(resource);
        return await SaveAsync(resource, actor.Name, action, details ?? resource.Name, ct);
    }

    private async Task<DataResource> SaveAsync(DataResource resource, string actor, string action, string details, CancellationToken ct)
    {
        db.Audit(new AuditRecord(actor, action, $"resource:{resource.Code}", details, clock.GetUtcNow()));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two registrations of one provider at the same moment draw the same number; the second is told to retry.
            throw new DomainException(new DomainError("resource.concurrent", "资源代码冲突，请重新提交", "The resource code was taken meanwhile; submit again", ErrorKind.Conflict, "code"));
        }
        await signals.AnnounceAsync(ChangeTopics.Sharing, ct);
        return resource;
    }
}
