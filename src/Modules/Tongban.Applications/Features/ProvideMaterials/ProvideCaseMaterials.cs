using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Tongban.Applications.Data;
using Tongban.Applications.Domain;
using Tongban.Applications.Features.ViewCase;
using Tongban.Catalog.Contracts;
using Tongban.Kernel.Audit;
using Tongban.Kernel.Errors;
using Tongban.Kernel.Outbox;
using Tongban.Kernel.Security;
using Tongban.Kernel.Time;

namespace Tongban.Applications.Features.ProvideMaterials;

/// <summary>
/// A material the applicant gives on their case after submission — one named in a correction notice or a deferred one
/// (容缺): a file, checked like a draft's and refused before anything is stored when the case does not await it, or
/// their registry record after a preview and their agreement, or their electronic license, chosen and agreed as on a draft
/// (<see cref="UseLicense"/>). <see cref="Case.ProvideAwaited"/> holds the rules.
/// </summary>
internal sealed class ProvideCaseMaterials(ApplicationsDbContext db, CaseReader reader, MaterialFiles files, UseRegistryFact facts,
    UseLicense licenses, ApplyOnline.ApplyOnline drafts, RegionClock clock)
{
    public async Task<Case> UploadAsync(string number, string key, IFormFile? upload, ClaimsPrincipal user, CancellationToken ct)
    {
        var @case = await reader.ForApplicantAsync(number, user, tracking: true, ct);
        var material = @case.RequireAwaited(key);
        var stored = await files.StoreAsync(key, material.Name, upload, ct);
        try { return await GiveAsync(@case, stored, user, ct); }
        catch
        {
            await files.DeleteAsync(stored, CancellationToken.None); // nothing names it: the case was not changed
            throw;
        }
    }

    public async Task<FactSnapshot> PreviewFactAsync(string number, string key, string? enterprise, ClaimsPrincipal user, CancellationToken ct) =>
        await facts.PreviewAsync((await FactRequestAsync(number, key, user, ct)).Request, enterprise, ct);

    public async Task<Case> UseFactAsync(string number, string key, bool? agreed, string? enterprise, ClaimsPrincipal user, CancellationToken ct)
    {
        var (@case, request) = await FactRequestAsync(number, key, user, ct);
        return await GiveAsync(@case, await facts.AgreedAsync(request, agreed, enterprise, ct), user, ct); // saves the preview's removal with it
    }

    public async Task DeclineFactAsync(string number, string key, ClaimsPrincipal user, CancellationToken ct) =>
        await facts.DiscardAsync((await FactRequestAsync(number, key, user, ct)).Request, ct);

    /// <summary>The license types that may stand in for the item's materials, by key (none when the item is no longer in effect).</summary>
    public async Task<IReadOnlyDictionary<string, Contracts.MaterialLicenseType>> LicenseTypesAsync(Case @case, CancellationToken ct)
    {
        try { return await licenses.TypesAsync((await drafts.FindItemAsync(@case.ItemCode, ct)).Materials, ct); }
        catch (DomainException) { return new Dictionary<string, Contracts.MaterialLicenseType>(); }
    }

    /// <summary>The applicant's valid licenses that may stand in for the awaited material (nothing attached yet).</summary>
    public async Task<IReadOnlyList<Contracts.OfferedLicense>> OfferLicenseAsync(string number, string key, ClaimsPrincipal user, CancellationToken ct)
    {
        var (@case, request) = await FactRequestAsync(number, key, user, ct);
        return await licenses.OfferAsync(@case.ApplicantId, request.Material, ct);
    }

    /// <summary>Gives the chosen license once agreed, checked now (seal and status) and recorded in its use log with the case as purpose.</summary>
    public async Task<Case> UseLicenseAsync(string number, string key, string? identifier, bool agreed, ClaimsPrincipal user, CancellationToken ct)
    {
        var (@case, request) = await FactRequestAsync(number, key, user, ct);
        var why = @case.Status == CaseStatus.AwaitingCorrection ? "补正" : "补交容缺材料";
        var material = await licenses.AgreedAsync(new LicenseRequest(@case.ApplicantId, request.Material, @case.DepartmentCreditCode,
            $"办件{@case.Number}{why}：{request.Material.Name}"), identifier, agreed, user, ct);
        return await GiveAsync(@case, material, user, ct);
    }

    private async Task<Case> GiveAsync(Case @case, MaterialRef material, ClaimsPrincipal user, CancellationToken ct)
    {
        var replaced = @case.ProvideAwaited(material, Actor.Of(user), clock.UtcNow);
        var detail = material.File is { } f ? $"{material.Key} sha256:{f.Sha256}" : $"{material.Key} {material.Source}";
        db.Audit(new AuditRecord(Actor.Of(user), "applications.material_provided", $"case:{@case.Number}", detail, clock.UtcNow));
        await db.SaveChangesAsync(ct);
        await files.DeleteAsync(replaced, ct);
        return @case;
    }

    /// <summary>The case and the item's material, when the case awaits it (the item decides whether a record or a license may stand in).</summary>
    private async Task<(Case Case, FactRequest Request)> FactRequestAsync(string number, string key, ClaimsPrincipal user, CancellationToken ct)
    {
        var @case = await reader.ForApplicantAsync(number, user, tracking: true, ct);
        @case.RequireAwaited(key);
        var item = await drafts.FindItemAsync(@case.ItemCode, ct);
        var material = item.Materials.FirstOrDefault(m => m.Key == key) ?? throw new DomainException(DomainError.NotFound("材料", "The material"));
        return (@case, new FactRequest(@case.ApplicantId, FactPreview.OfCase(@case.Number), @case.DepartmentCreditCode, @case.ItemName, material));
    }
}
