using System.Security.Claims;
using Tongban.Applications.Domain;
using Tongban.Catalog.Contracts;
using Tongban.Identity.Contracts;
using Tongban.Kernel.Errors;
using Tongban.Registries.Contracts;

namespace Tongban.Applications.Features.ProvideMaterials;

/// <summary>
/// A registry fact in place of a paper material (一次不用跑 / 免提交): the applicant sees a preview of their own record,
/// and only after they agree is it attached, with its fields as they were then. Each read is logged by the registries
/// with its purpose ("申办{item}：{material}"), so the applicant finds it under "who read my data".
/// </summary>
internal sealed class UseRegistryFact(ProvideMaterials materials, ApplyOnline.ApplyOnline drafts, IRegistryVerification registries, IAccountDirectory accounts)
{
    public async Task<FactSnapshot> PreviewAsync(Guid draftId, string key, ClaimsPrincipal user, CancellationToken ct)
    {
        var (draft, material) = await materials.FindAsync(draftId, key, user, ct);
        return await ReadAsync(draft, material, ct);
    }

    public async Task<MaterialRef> UseAsync(Guid draftId, string key, bool agreed, ClaimsPrincipal user, CancellationToken ct)
    {
        var (draft, material) = await materials.FindAsync(draftId, key, user, ct);
        if (!agreed)
            throw new DomainException(new DomainError("material.consent_required", $"请先勾选同意使用登记信息作为“{material.Name}”",
                $"Tick your agreement to use the registry record as '{material.Name}' first", Field: $"facts.{key}"));
        var fact = await ReadAsync(draft, material, ct);
        return await materials.AttachAsync(draft, new MaterialRef(key, material.RegistryFact!, MaterialSource.RegistryFact, Fact: fact), ct);
    }

    private async Task<FactSnapshot> ReadAsync(Draft draft, ApplicableMaterial material, CancellationToken ct)
    {
        if (material.RegistryFact is not { } name)
            throw new DomainException(new DomainError("material.no_registry_fact", $"“{material.Name}”不能从登记信息中取得",
                $"'{material.Name}' cannot be taken from a registry", ErrorKind.Conflict, $"facts.{material.Key}"));
        var target = await drafts.TargetAsync(draft, ct); // a bundle's fact is read by the first item's department needing it
        var subject = await accounts.OwnIdNumberAsync(draft.ApplicantId, ct) ?? "";
        var read = new RegistryRead("module:applications", target.ItemNeeding(material.Key).DepartmentCreditCode, draft.ApplicantId.ToString(),
            $"申办{target.Name}：{material.Name}", name);
        var fact = await registries.FetchFactAsync(name, subject, read, ct)
            ?? throw new DomainException(new DomainError("material.no_registry_record", $"登记信息中没有您的记录，请上传“{material.Name}”",
                $"The registry holds no record of yours; upload '{material.Name}' instead", ErrorKind.Conflict, $"facts.{material.Key}"));
        return new FactSnapshot(fact.Chinese, fact.English, [.. fact.Values.Select(v => new FactField(v.Chinese, v.English, v.Value))], fact.UpdatedOn);
    }
}
