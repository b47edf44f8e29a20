using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Tongban.Applications.Domain;
using Tongban.Kernel.Errors;
using Tongban.Kernel.Files;

namespace Tongban.Applications.Features.ProvideMaterials;

/// <summary>
/// The one way an applicant's file enters the store, for a draft or a case: not empty, within <c>Files:MaxBytes</c>,
/// PDF, JPG, PNG or OFD by content. A refusal names the material, on its field, and keeps nothing.
/// </summary>
internal sealed class MaterialFiles(IFileStore files, IOptions<FilesOptions> limits)
{
    public async Task<MaterialRef> StoreAsync(string key, string name, IFormFile? upload, CancellationToken ct)
    {
        if (upload is null || upload.Length == 0) throw Refused(key, name, new DomainError("file.empty", "文件是空的", "The file is empty"));
        var max = limits.Value.MaxBytes;
        if (upload.Length > max)
            throw Refused(key, name, new DomainError("file.too_large", $"文件不能超过{max / (1024 * 1024)} MB", $"A file cannot exceed {max / (1024 * 1024)} MB"));
        StoredFile stored;
        await using (var content = upload.OpenReadStream())
        {
            try { stored = await files.SaveAsync(content, ct); }
            catch (DomainException e) { throw new DomainException([.. e.Errors.Select(error => Named(key, name, error))]); }
        }
        var file = new MaterialFile(FileNames.Clean(upload.FileName, stored.Kind), stored.ContentType, stored.Size, stored.Sha256);
        return new MaterialRef(key, stored.Id, MaterialSource.Upload, File: file);
    }

    /// <summary>Deletes the stored file of <paramref name="material"/>, if it is an upload.</summary>
    public Task DeleteAsync(MaterialRef? material, CancellationToken ct) =>
        material is { Source: MaterialSource.Upload } ? files.DeleteAsync(material.Reference, ct) : Task.CompletedTask;

    private static DomainException Refused(string key, string name, DomainError error) => new(Named(key, name, error));

    /// <summary>A refusal of a file names the material it was for, on the material's field.</summary>
    private static DomainError Named(string key, string name, DomainError error) =>
        error with { Chinese = $"“{name}”：{error.Chinese}", English = $"'{name}': {error.English}", Field = $"materials.{key}" };
}
