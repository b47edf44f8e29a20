using System.Security.Claims;
using Tongban.Applications.Contracts;
using Tongban.Applications.Domain;
using Tongban.Applications.Features.SubmitApplication;
using Tongban.Catalog.Contracts;
using Tongban.Identity.Contracts;
using Tongban.Kernel.Errors;
using Tongban.Kernel.Security;

namespace Tongban.Applications.Features.ProvideMaterials;

/// <summary>A license asked for a material: whose, for which material, read for which department and why (the use log's purpose).</summary>
internal sealed record LicenseRequest(Guid Applicant, ApplicableMaterial Material, string Department, string Purpose);

/// <summary>How the applicant agreed in person to have their license looked up: the channel and who agreed (申请人 at a window, 委托人 at a station).</summary>
internal sealed record InPerson(string Channel, string Who);

/// <summary>
/// An electronic license in place of a material (免提交) — one mechanism for every path: the applicant's draft, a material
/// their case awaits (补正, 容缺; <see cref="ProvideCaseMaterials"/>), a window clerk's walk-in and a station agent's
/// application. Where the license library says a type replaces the material, the applicant's licenses of that type valid
/// today are offered (their own, found by their ID number, and those of the enterprises they may use licenses for, by
/// credit code); the one they pick is attached only once they tick their agreement, checked by the library (seal and
/// status) and recorded in its use log. Refusing attaches nothing. In person, staff look one up once the applicant agrees.
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
        var (draft, material) = await materials.FindAsync(draftId, key, user, ct);
        return await OfferAsync(draft.ApplicantId, material, ct);
    }

    /// <summary>Attaches the chosen license to the draft once the agreement is ticked; unticked or none chosen: refused, nothing attached.</summary>
    public async Task<MaterialRef> UseAsync(Guid draftId, string key, string? identifier, bool agreed, ClaimsPrincipal user, CancellationToken ct)
    {
        var (draft, material) = await materials.FindAsync(draftId, key, user, ct);
        var target = await drafts.TargetAsync(draft, ct);
        var request = new LicenseRequest(draft.ApplicantId, material, target.ItemNeeding(key).DepartmentCreditCode, $"申办{target.Name}：{material.Name}");
        return await materials.AttachAsync(draft, await AgreedAsync(request, identifier, agreed, user, ct), ct);
    }

    /// <summary>The applicant's valid licenses of the type replacing <paramref name="material"/>.</summary>
    public async Task<IReadOnlyList<OfferedLicense>> OfferAsync(Guid applicant, ApplicableMaterial material, CancellationToken ct) =>
        await Library!.OfferAsync((await TypeOfAsync(material, ct)).Code, await HoldersAsync(applicant, ct), ct);

    /// <summary>The chosen license as the material, once the applicant ticked their agreement: checked now, the use recorded.</summary>
    public async Task<MaterialRef> AgreedAsync(LicenseRequest request, string? identifier, bool agreed, ClaimsPrincipal user, CancellationToken ct)
    {
        var (material, type) = (request.Material, await TypeOfAsync(request.Material, ct));
        if (!agreed || string.IsNullOrWhiteSpace(identifier))
            throw new DomainException(new DomainError("material.license_consent_required", $"请选择一张电子证照并勾选同意使用，作为“{material.Name}”",
                $"Choose a license and tick your agreement to use it as '{material.Name}'", Field: $"licenses.{material.Key}"));
        var use = new LicenseUseBy(Actor.Of(user), request.Department, request.Purpose);
        var check = await AttachAsync(identifier, type, await HoldersAsync(request.Applicant, ct), use, material.Key, ct);
        return Material(material.Key, check, inPerson: false, Actor.Of(user));
    }

    /// <summary>
    /// In person (a window, a station agent): the typed paper references, with the applicant's valid license looked up in
    /// place of each material in <paramref name="chosen"/> — ticked by staff once the applicant agreed there — and recorded
    /// as such in the license's use log and on the material. A material without a valid license is refused, naming it.
    /// </summary>
    public async Task<IReadOnlyList<MaterialRef>> InPersonAsync(ApplicationTarget target, Guid applicant, IReadOnlyList<MaterialRef> typed,
        IEnumerable<string>? chosen, InPerson how, ClaimsPrincipal staff, CancellationToken ct)
    {
        var keys = (chosen ?? []).Distinct(StringComparer.Ordinal).ToList();
        var found = new List<MaterialRef>();
        foreach (var key in keys)
        {
            var material = target.Materials.FirstOrDefault(m => m.Key == key) ?? throw new DomainException(DomainError.NotFound("材料", "The material"));
            var request = new LicenseRequest(applicant, material, target.ItemNeeding(key).DepartmentCreditCode, $"{how.Channel}申办{target.Name}：{material.Name}（{how.Who}当面同意）");
            found.Add(await LookUpAsync(request, staff, ct));
        }
        return [.. typed.Where(m => !keys.Contains(m.Key)), .. found];
    }

    /// <summary>The codes the applicant's licenses carry: their ID number and the enterprises they may use licenses for.</summary>
    public async Task<IReadOnlyList<string>> HoldersAsync(Guid applicant, CancellationToken ct)
    {
        var own = await accounts.OwnIdNumberAsync(applicant, ct);
        var enterprises = await accounts.EnterprisesInScopeAsync(applicant, Scope, ct);
        return [.. new[] { own }.OfType<string>(), .. enterprises.Select(e => e.CreditCode)];
    }

    private async Task<MaterialRef> LookUpAsync(LicenseRequest request, ClaimsPrincipal staff, CancellationToken ct)
    {
        var (material, type) = (request.Material, await TypeOfAsync(request.Material, ct));
        var holders = await HoldersAsync(request.Applicant, ct);
        var offered = await Library!.OfferAsync(type.Code, holders, ct);
        if (offered.Count == 0)
            throw new DomainException(new DomainError("material.no_valid_license", $"申请人没有有效的“{type.Name}”电子证照，请收取“{material.Name}”的纸质材料",
                $"The applicant holds no valid {type.Name}; take the paper '{material.Name}' instead", ErrorKind.Conflict, $"licenses.{material.Key}"));
        var check = await AttachAsync(offered[0].Identifier, type, holders, new LicenseUseBy(Actor.Of(staff), request.Department, request.Purpose), material.Key, ct);
        return Material(material.Key, check, inPerson: true, Actor.Of(staff));
    }

    private async Task<MaterialLicenseType> TypeOfAsync(ApplicableMaterial material, CancellationToken ct) =>
        (await TypesAsync([material], ct)).GetValueOrDefault(material.Key)
        ?? throw new DomainException(new DomainError("material.no_license_type", $"“{material.Name}”不能用电子证照代替", $"'{material.Name}' cannot be replaced by a license", ErrorKind.Conflict, $"licenses.{material.Key}"));

    private async Task<LicenseCheck> AttachAsync(string identifier, MaterialLicenseType type, IReadOnlyList<string> holders, LicenseUseBy use, string key, CancellationToken ct)
    {
        try { return await Library!.AttachAsync(identifier.Trim(), type.Code, holders, use, ct); }
        catch (DomainException e) { throw new DomainException([.. e.Errors.Select(x => x with { Field = $"licenses.{key}" })]); } // shown beside the material
    }

    private static MaterialRef Material(string key, LicenseCheck check, bool inPerson, string to) =>
        new(key, check.Identifier, MaterialSource.License, License: new LicenseMaterial(check, inPerson, to));
}
