using System.Security.Claims;
using Tongban.Applications.Contracts;
using Tongban.Applications.Domain;
using Tongban.Catalog.Contracts;
using Tongban.Identity.Contracts;
using Tongban.Kernel.Errors;
using Tongban.Kernel.Security;

namespace Tongban.Applications.Features.ProvideMaterials;

/// <summary>
/// An electronic license in place of a material (免提交). Where the license library says a type replaces the material,
/// the applicant's licenses of that type valid today are offered (their own, found by their ID number, and those of the
/// enterprises they may use licenses for, by credit code); the one they pick is attached only once they tick their
/// agreement, checked by the library (seal and status) and recorded in its use log. Refusing attaches nothing. A window
/// clerk looks one up for a walk-in applicant who agrees in person (<see cref="LookUpForWalkInAsync"/>).
/// </summary>
internal sealed class UseLicense(ProvideMaterials materials, ApplyOnline.ApplyOnline drafts, IAccountDirectory accounts, IEnumerable<ILicenseMaterials> libraries)
{
    /// <summary>The agent scope that lets a person use an enterprise's licenses.</summary>
    public const string Scope = "licenses";

    private ILicenseMaterials? Library => libraries.FirstOrDefault(); // a host without the license library offers none

    /// <summary>For each material a license type replaces: that type (empty without the library).</summary>
    public async Task<IReadOnlyDictionary<string, MaterialLicenseType>> TypesAsync(IReadOnlyList<ApplicableMaterial> list, CancellationToken ct) =>
        Library is { } library && list.Count > 0 ? await library.TypesForAsync([.. list.Select(m => (m.Key, m.LicenseType, m.Name))], ct) : new Dictionary<string, MaterialLicenseType>();

    /// <summary>The applicant's valid licenses that may stand in for the draft's material <paramref name="key"/>.</summary>
    public async Task<IReadOnlyList<OfferedLicense>> OfferAsync(Guid draftId, string key, ClaimsPrincipal user, CancellationToken ct)
    {
        var (draft, _, type) = await FindAsync(draftId, key, user, ct);
        return await Library!.OfferAsync(type.Code, await HoldersAsync(draft.ApplicantId, ct), ct);
    }

    /// <summary>Attaches the chosen license once the agreement is ticked; unticked or none chosen: refused, nothing attached.</summary>
    public async Task<MaterialRef> UseAsync(Guid draftId, string key, string? identifier, bool agreed, ClaimsPrincipal user, CancellationToken ct)
    {
        var (draft, material, type) = await FindAsync(draftId, key, user, ct);
        if (!agreed || string.IsNullOrWhiteSpace(identifier))
            throw new DomainException(new DomainError("material.license_consent_required", $"请选择一张电子证照并勾选同意使用，作为“{material.Name}”",
                $"Choose a license and tick your agreement to use it as '{material.Name}'", Field: $"licenses.{key}"));
        var target = await drafts.TargetAsync(draft, ct);
        var use = new LicenseUseBy(Actor.Of(user), target.ItemNeeding(key).DepartmentCreditCode, $"申办{target.Name}：{material.Name}");
        var check = await AttachAsync(identifier, type, await HoldersAsync(draft.ApplicantId, ct), use, key, ct);
        return await materials.AttachAsync(draft, Material(key, check, inPerson: false, Actor.Of(user)), ct);
    }

    /// <summary>
    /// At a window: the applicant's valid license of the type replacing the material, looked up by the clerk once the
    /// applicant agreed in person, and recorded as such in the license's use log and on the material.
    /// </summary>
    public async Task<MaterialRef> LookUpForWalkInAsync(Guid applicant, ApplicableMaterial material, string department, string itemName, ClaimsPrincipal clerk, CancellationToken ct)
    {
        var type = (await TypesAsync([material], ct)).GetValueOrDefault(material.Key) ?? throw NoLicenseType(material);
        var holders = await HoldersAsync(applicant, ct);
        var offered = await Library!.OfferAsync(type.Code, holders, ct);
        if (offered.Count == 0)
            throw new DomainException(new DomainError("material.no_valid_license", $"申请人没有有效的“{type.Name}”电子证照，请收取“{material.Name}”的纸质材料",
                $"The applicant holds no valid {type.Name}; take the paper '{material.Name}' instead", ErrorKind.Conflict, $"licenses.{material.Key}"));
        var use = new LicenseUseBy(Actor.Of(clerk), department, $"窗口收件申办{itemName}：{material.Name}（申请人当面同意）");
        var check = await AttachAsync(offered[0].Identifier, type, holders, use, material.Key, ct);
        return Material(material.Key, check, inPerson: true, Actor.Of(clerk));
    }

    /// <summary>The codes the applicant's licenses carry: their ID number and the enterprises they may use licenses for.</summary>
    public async Task<IReadOnlyList<string>> HoldersAsync(Guid applicant, CancellationToken ct)
    {
        var own = await accounts.OwnIdNumberAsync(applicant, ct);
        var enterprises = await accounts.EnterprisesInScopeAsync(applicant, Scope, ct);
        return [.. new[] { own }.OfType<string>(), .. enterprises.Select(e => e.CreditCode)];
    }

    private async Task<LicenseCheck> AttachAsync(string identifier, MaterialLicenseType type, IReadOnlyList<string> holders, LicenseUseBy use, string key, CancellationToken ct)
    {
        try { return await Library!.AttachAsync(identifier.Trim(), type.Code, holders, use, ct); }
        catch (DomainException e) { throw new DomainException([.. e.Errors.Select(x => x with { Field = $"licenses.{key}" })]); } // shown beside the material
    }

    private async Task<(Draft Draft, ApplicableMaterial Material, MaterialLicenseType Type)> FindAsync(Guid draftId, string key, ClaimsPrincipal user, CancellationToken ct)
    {
        var (draft, material) = await materials.FindAsync(draftId, key, user, ct);
        var type = (await TypesAsync([material], ct)).GetValueOrDefault(key) ?? throw NoLicenseType(material);
        return (draft, material, type);
    }

    private static MaterialRef Material(string key, LicenseCheck check, bool inPerson, string to) =>
        new(key, check.Identifier, MaterialSource.License, License: new LicenseMaterial(check, inPerson, to));

    private static DomainException NoLicenseType(ApplicableMaterial material) =>
        new(new DomainError("material.no_license_type", $"“{material.Name}”不能用电子证照代替", $"'{material.Name}' cannot be replaced by a license", ErrorKind.Conflict, $"licenses.{material.Key}"));
}
