using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Tongban.Applications.Data;
using Tongban.Applications.Domain;
using Tongban.Applications.Features.ApplyOnline;
using Tongban.Catalog.Contracts;
using Tongban.Kernel.Errors;
using Tongban.Kernel.Files;
using Tongban.Kernel.Time;

namespace Tongban.Applications.Features.ProvideMaterials;

/// <summary>
/// The materials step of a draft: upload a file per material (checked by content and size before anything is kept),
/// take one off. Registry facts attach through <see cref="UseRegistryFact"/>; a license will attach the same way.
/// </summary>
internal sealed class ProvideMaterials(ApplicationsDbContext db, ApplyOnline.ApplyOnline drafts, IFileStore files, IOptions<FilesOptions> limits, RegionClock clock)
{
    public async Task<MaterialRef> UploadAsync(Guid draftId, string key, IFormFile? upload, ClaimsPrincipal user, CancellationToken ct)
    {
        var (draft, material) = await FindAsync(draftId, key, user, ct);
        if (upload is null || upload.Length == 0) throw Refused(material, "file.empty", "文件是空的", "The file is empty");
        if (upload.Length > limits.Value.MaxBytes)
            throw Refused(material, "file.too_large", $"文件不能超过{limits.Value.MaxBytes / (1024 * 1024)} MB", $"A file cannot exceed {limits.Value.MaxBytes / (1024 * 1024)} MB");
        StoredFile stored;
        await using (var content = upload.OpenReadStream())
        {
            try { stored = await files.SaveAsync(content, ct); }
            catch (DomainException e) { throw new DomainException([.. e.Errors.Select(error => Named(material, error))]); }
        }
        var file = new MaterialFile(FileNames.Clean(upload.FileName, stored.Kind), stored.ContentType, stored.Size, stored.Sha256);
        return await AttachAsync(draft, new MaterialRef(key, stored.Id, MaterialSource.Upload, File: file), ct);
    }

    public async Task RemoveAsync(Guid draftId, string key, ClaimsPrincipal user, CancellationToken ct)
    {
        var draft = await drafts.LoadAsync(draftId, user, ct);
        var removed = draft.Remove(key, clock.UtcNow) ?? throw new DomainException(DomainError.NotFound("材料", "The material"));
        await db.SaveChangesAsync(ct);
        await DeleteFileAsync(removed, ct);
    }

    /// <summary>Attaches <paramref name="material"/> to the draft; a file it replaces is deleted once the draft no longer names it.</summary>
    public async Task<MaterialRef> AttachAsync(Draft draft, MaterialRef material, CancellationToken ct)
    {
        var replaced = draft.Attach(material, clock.UtcNow);
        await db.SaveChangesAsync(ct);
        if (replaced is not null) await DeleteFileAsync(replaced, ct);
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

    private Task DeleteFileAsync(MaterialRef material, CancellationToken ct) =>
        material.Source == MaterialSource.Upload ? files.DeleteAsync(material.Reference, ct) : Task.CompletedTask;

    private static DomainException Refused(ApplicableMaterial material, string code, string zh, string en) =>
        new(Named(material, new DomainError(code, zh, en)));

    /// <summary>A refusal of a file names the material it was for, on the material's field.</summary>
    private static DomainError Named(ApplicableMaterial material, DomainError error) =>
        error with { Chinese = $"“{material.Name}”：{error.Chinese}", English = $"'{material.Name}': {error.English}", Field = $"materials.{material.Key}" };
}
