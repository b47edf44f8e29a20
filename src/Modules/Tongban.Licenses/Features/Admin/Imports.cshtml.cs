using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongban.Kernel.Errors;
using Tongban.Kernel.Localization;
using Tongban.Kernel.Security;
using Tongban.Licenses.Contracts;
using Tongban.Licenses.Features.ImportHistory;

namespace Tongban.Licenses.Features.Admin;

/// <summary>Uploading a historical file and the list of import runs, each leading to its quality report.</summary>
[Authorize(Policy = Policies.LicenseAdministrator)]
[RequestSizeLimit(MaxBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxBytes)]
internal sealed class ImportsModel(ImportHistory.ImportHistory import, QualityReport report) : PageModel
{
    private const int MaxBytes = 200 * 1024 * 1024;

    public IReadOnlyList<RunRow> Runs { get; private set; } = [];

    [BindProperty] public IFormFile? Upload { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => Runs = await report.RunsAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Upload is not { Length: > 0 })
        {
            ModelState.AddModelError(nameof(Upload), Text.T("请选择要导入的CSV或JSON Lines文件", "Choose a CSV or JSON Lines file to import"));
            return await PageAsync(ct);
        }
        try
        {
            var jsonLines = Path.GetExtension(Upload.FileName).ToLowerInvariant() is ".jsonl" or ".ndjson";
            using var file = new MemoryStream();
            await Upload.CopyToAsync(file, ct);
            var bytes = file.ToArray();
            var summary = await import.RunAsync(new HistoryImportRequest(Path.GetFileName(Upload.FileName), () => new MemoryStream(bytes, false), jsonLines, Actor.Of(User)), null, ct);
            return Redirect($"/admin/licenses/imports/{summary.RunId}");
        }
        catch (DomainException e)
        {
            foreach (var error in e.Errors) ModelState.AddModelError(nameof(Upload), Text.T(error.Chinese, error.English));
            return await PageAsync(ct);
        }
    }

    private async Task<IActionResult> PageAsync(CancellationToken ct)
    {
        Runs = await report.RunsAsync(ct);
        return Page();
    }
}
