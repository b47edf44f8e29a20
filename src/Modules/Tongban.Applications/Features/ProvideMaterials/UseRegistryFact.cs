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
        var (department, name) = await ReaderAsync(draft, key, ct);
        return await ReadAsync(draft.ApplicantId, department, name, material, ct);
    }

    public async Task<MaterialRef> UseAsync(Guid draftId, string key, bool agreed, ClaimsPrincipal user, CancellationToken ct)
    {
        var (draft, material) = await materials.FindAsync(draftId, key, user, ct);
        var (department, name) = await ReaderAsync(draft, key, ct);
        return await materials.AttachAsync(draft, await AgreedAsync(draft.ApplicantId, department, name, material, agreed, ct), ct);
    }

    /// <summary>Who reads for a draft: the item's department; for a bundle, the first item's department needing the material.</summary>
    private async Task<(string Department, string Name)> ReaderAsync(Draft draft, string key, CancellationToken ct)
    {
        var target = await drafts.TargetAsync(draft, ct);
        return (target.ItemNeeding(key).DepartmentCreditCode, target.Name);
    }

    /// <summary>The fact as a material, once the applicant ticked their agreement (without it nothing is read).</summary>
    public async Task<MaterialRef> AgreedAsync(Guid applicant, string departmentCreditCode, string itemName, ApplicableMaterial material, bool agreed, CancellationToken ct)
    {
        if (!agreed)
            throw new DomainException(new DomainError("material.consent_required", $"请先勾选同意使用登记信息作为“{material.Name}”",
                $"Tick your agreement to use the registry record as '{material.Name}' first", Field: $"facts.{material.Key}"));
        return new MaterialRef(material.Key, material.RegistryFact!, MaterialSource.RegistryFact, Fact: await ReadAsync(applicant, departmentCreditCode, itemName, material, ct));
    }

    /// <summary>The applicant's record for <paramref name="material"/>, read for the department handling it (a read logged with its purpose).</summary>
    public async Task<FactSnapshot> ReadAsync(Guid applicant, string departmentCreditCode, string itemName, ApplicableMaterial material, CancellationToken ct)
    {
        if (material.RegistryFact is not { } name)
            throw new DomainException(new DomainError("material.no_registry_fact", $"“{material.Name}”不能从登记信息中取得",
                $"'{material.Name}' cannot be taken from a registry", ErrorKind.Conflict, $"facts.{material.Key}"));
        var subject = await accounts.OwnIdNumberAsync(applicant, ct) ?? "";
        var read = new RegistryRead("module:applications", departmentCreditCode, applicant.ToString(), $"申办{itemName}：{material.Name}", name);
        var fact = await registries.FetchFactAsync(name, subject, read, ct)
            ?? throw new DomainException(new DomainError("material.no_registry_record", $"登记信息中没有您的记录，请上传“{material.Name}”",
                $"The registry holds no record of yours; upload '{material.Name}' instead", ErrorKind.Conflict, $"facts.{material.Key}"));
        return new FactSnapshot(fact.Chinese, fact.English, [.. fact.Values.Select(v => new FactField(v.Chinese, v.English, v.Value, v.ValueEn, v.Name))], fact.UpdatedOn);
    }
}
