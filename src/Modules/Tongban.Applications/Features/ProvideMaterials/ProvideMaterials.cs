using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Tongban.Applications.Data;
using Tongban.Applications.Domain;
using Tongban.Applications.Features.ApplyOnline;
using Tongban.Catalog.Contracts;
using Tongban.Kernel.Errors;
using Tongban.Kernel.Time;

namespace Tongban.Applications.Features.ProvideMaterials;

/// <summary>
/// The materials step of a draft: upload a file per material (checked by content and size before anything is kept),
/// take one off. Registry facts attach through <see cref="UseRegistryFact"/>; a license will attach the same way.
/// </summary>
internal sealed class ProvideMaterials(ApplicationsDbContext db, ApplyOnline.ApplyOnline drafts, MaterialFiles files, RegionClock clock)
{
    public async Task<MaterialRef> UploadAsync(Guid draftId, string key, IFormFile? upload, ClaimsPrincipal user, CancellationToken ct)
    {
        var (draft, material) = await FindAsync(draftId, key, user, ct);
        return await AttachAsync(draft, await files.StoreAsync(key, material.Name, upload, ct), ct);
    }

    public async Task RemoveAsync(Guid draftId, string key, ClaimsPrincipal user, CancellationToken ct)
    {
        var draft = await drafts.LoadAsync(draftId, user, ct);
        var removed = draft.Remove(key, clock.UtcNow) ?? throw new DomainException(DomainError.NotFound("材料", "The material"));
        await db.SaveChangesAsync(ct);
        await files.DeleteAsync(removed, ct);
    }

    /// <summary>Attaches <paramref name="material"/> to the draft; a file it replaces is deleted once the draft no longer names it.</summary>
    public async Task<MaterialRef> AttachAsync(Draft draft, MaterialRef material, CancellationToken ct)
    {
        var replaced = draft.Attach(material, clock.UtcNow);
        await db.SaveChangesAsync(ct);
        await files.DeleteAsync(replaced, ct);
        return draft.Materials.Single(m => m.Key == material.Key);
    }

    /// <summary>The applicant's open draft and its item's (or bundle's) material <paramref name="key"/> (404 when the item has no such material).</summary>
    public async Task<(Draft Draft, ApplicableMaterial Material)> FindAsync(Guid draftId, string key, ClaimsPrincipal user, CancellationToken ct)
    {
        var draft = await drafts.LoadAsync(draftId, user, ct);
        var target = await drafts.TargetAsync(draft, ct);
        var material = target.Materials.FirstOrDefault(m => m.Key == key) ?? throw new DomainException(DomainError.NotFound("材料", "The material"));
        return (draft, material);
    }
}
