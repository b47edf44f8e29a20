using Microsoft.AspNetCore.Http;
using Tongban.Kernel.Errors;
using Tongban.Kernel.Files;

namespace Tongban.Licenses.Features.ManageTypes;

/// <summary>
/// A template's background image, for the type form and the API alike: stored as a PNG or JPEG told by its content, and
/// named by a draft only when it is still such an image (a file of another kind, or none, is refused before anything is
/// saved, so a license is never printed over something that is not a background).
/// </summary>
internal sealed class TemplateBackgrounds(IFileStore files)
{
    public async Task<string> SaveAsync(IFormFile? upload, CancellationToken ct)
    {
        if (upload is not { Length: > 0 })
            throw Fault("license_type.background_missing", "请选择背景图文件（PNG或JPEG）", "Choose a background image (PNG or JPEG)");
        StoredFile stored;
        await using (var content = upload.OpenReadStream())
        {
            try { stored = await files.SaveAsync(content, ct); }
            catch (DomainException e) { throw new DomainException([.. e.Errors.Select(x => x with { Field = "template" })]); }
        }
        if (stored.Kind is FileKind.Png or FileKind.Jpeg) return stored.Id;
        await files.DeleteAsync(stored.Id, ct);
        throw KindFault();
    }

    /// <summary>Refused unless <paramref name="background"/> names a stored PNG or JPEG (what <see cref="SaveAsync"/> answered).</summary>
    public async Task RequireImageAsync(string? background, CancellationToken ct)
    {
        if (background is null) return;
        await using var stream = await files.OpenAsync(background, ct);
        if (stream is null)
            throw Fault("license_type.background_unknown", "背景图不存在，请重新上传", "There is no such background image; upload it again");
        var head = new byte[16]; // an image is told by its first bytes; the store's streams need not seek
        var read = await stream.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, ct);
        if (FileKinds.Detect(new MemoryStream(head, 0, read)) is not (FileKind.Png or FileKind.Jpeg)) throw KindFault();
    }

    public Task DeleteAsync(string background) => files.DeleteAsync(background, CancellationToken.None);

    private static DomainException KindFault() => Fault("license_type.background_kind", "背景图须为PNG或JPEG图片", "The background must be a PNG or JPEG image");

    private static DomainException Fault(string code, string zh, string en) => new(new DomainError(code, zh, en, Field: "template"));
}
