using System.Security.Claims;
using Tongban.Applications.Data;
using Tongban.Applications.Domain;
using Tongban.Applications.Features.ViewCase;
using Tongban.Kernel.Audit;
using Tongban.Kernel.Errors;
using Tongban.Kernel.Files;
using Tongban.Kernel.Outbox;
using Tongban.Kernel.Security;
using Tongban.Kernel.Time;

namespace Tongban.Applications.Features.ProvideMaterials;

/// <summary>An uploaded material's content with its name and type, to stream to whoever may have it.</summary>
internal sealed record MaterialDownload(Stream Content, MaterialFile File);

/// <summary>
/// Uploaded files are served only here, never from a public URL: to the applicant (their draft or case) and to staff
/// who may see the case; anyone else gets 404. Every staff download is audited (who, which case, which file).
/// </summary>
internal sealed class DownloadMaterial(ApplicationsDbContext db, ApplyOnline.ApplyOnline drafts, CaseReader cases, IFileStore files, RegionClock clock)
{
    public async Task<MaterialDownload> FromDraftAsync(Guid draftId, string key, ClaimsPrincipal user, CancellationToken ct) =>
        await OpenAsync((await drafts.LoadAsync(draftId, user, ct)).Materials, key, ct);

    public async Task<MaterialDownload> FromOwnCaseAsync(string number, string key, ClaimsPrincipal user, CancellationToken ct) =>
        await OpenAsync((await cases.ForApplicantAsync(number, user, tracking: false, ct)).Provided, key, ct);

    public async Task<MaterialDownload> FromCaseAsStaffAsync(string number, string key, ClaimsPrincipal user, CancellationToken ct)
    {
        var @case = await cases.ForStaffAsync(number, user, tracking: false, ct);
        var download = await OpenAsync(@case.Provided, key, ct);
        db.Audit(new AuditRecord(Actor.Of(user), "applications.material_downloaded", $"case:{number}", $"{key} sha256:{download.File.Sha256}", clock.UtcNow));
        await db.SaveChangesAsync(ct);
        return download;
    }

    private async Task<MaterialDownload> OpenAsync(IEnumerable<MaterialRef> provided, string key, CancellationToken ct)
    {
        var material = provided.FirstOrDefault(m => m.Key == key && m.Source == MaterialSource.Upload && m.File is not null);
        var content = material is null ? null : await files.OpenAsync(material.Reference, ct);
        return content is null ? throw new DomainException(DomainError.NotFound("材料文件", "The material file")) : new MaterialDownload(content, material!.File!);
    }
}
