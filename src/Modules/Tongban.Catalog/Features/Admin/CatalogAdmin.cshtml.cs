using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Tongban.Catalog.Data;
using Tongban.Catalog.Domain;
using Tongban.Catalog.Features.ImportFeed;
using Tongban.Kernel.Errors;
using Tongban.Kernel.Localization;
using Tongban.Kernel.Security;

namespace Tongban.Catalog.Features.Admin;

internal sealed record PendingVersion(string ImplementationCode, string Name, int Number, VersionState State, string? By, DateTimeOffset? At, string? Opinion);

/// <summary>The catalog desk: versions waiting for review or returned, the provincial feed upload, counts.</summary>
[Authorize(Roles = $"{Policies.CatalogAdministrator},{Policies.LegalityReviewer}")]
internal sealed class CatalogAdminModel(CatalogDbContext db, ImportFeed.ImportFeed import) : PageModel
{
    public IReadOnlyList<PendingVersion> Pending { get; private set; } = [];
    public IReadOnlyDictionary<ItemStatus, int> Counts { get; private set; } = new Dictionary<ItemStatus, int>();
    public FeedReport? Report { get; private set; }

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostImportAsync(IFormFile? feed, CancellationToken ct)
    {
        await LoadAsync(ct);
        if (!User.IsInRole(Policies.CatalogAdministrator)) return Forbid();
        if (feed is null || feed.Length == 0)
            throw new DomainException(new DomainError("import.file_required", "请选择省级目录文件（JSON）", "Choose a provincial catalog file (JSON)", Field: "feed"));
        await using var upload = feed.OpenReadStream();
        Report = await import.RunAsync(await FeedReader.BytesAsync(upload, ct), Path.GetFileName(feed.FileName), Actor.Of(User), ct);
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>The CSV form: items.csv and materials.csv together; a partial feed does not report what it leaves out.</summary>
    public async Task<IActionResult> OnPostImportCsvAsync(IFormFile? items, IFormFile? materials, bool partial, CancellationToken ct)
    {
        await LoadAsync(ct);
        if (!User.IsInRole(Policies.CatalogAdministrator)) return Forbid();
        if (items is null || items.Length == 0 || materials is null)
            throw new DomainException(new DomainError("import.file_required", "请同时选择事项文件（items.csv）和材料文件（materials.csv）",
                "Choose both the items file (items.csv) and the materials file (materials.csv)", Field: "items"));
        Report = await import.RunAsync(await CsvFeedReader.ReadAsync(items, materials, complete: !partial, ct), Actor.Of(User), ct);
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var open = await db.Versions.AsNoTracking().Where(v => v.State == VersionState.Submitted || v.State == VersionState.Returned)
            .Join(db.Items.AsNoTracking(), v => v.ItemId, i => i.Id, (v, i) => new { v, i.ImplementationCode })
            .ToListAsync(ct);
        Pending = open.Select(x => new PendingVersion(x.ImplementationCode, x.v.Elements.Name, x.v.Number, x.v.State,
                x.v.State == VersionState.Submitted ? x.v.SubmittedBy : x.v.ReviewedBy, x.v.State == VersionState.Submitted ? x.v.SubmittedAt : x.v.ReviewedAt, x.v.Opinion))
            .OrderBy(p => p.State).ThenBy(p => p.At).ToList();
        Counts = await db.Items.AsNoTracking().GroupBy(i => i.Status).ToDictionaryAsync(g => g.Key, g => g.Count(), ct);
    }

    public static string StatusName(ItemStatus status) => status switch
    {
        ItemStatus.Draft => Text.T("未发布", "Never published"),
        ItemStatus.Published => Text.T("已发布", "Published"),
        ItemStatus.Suspended => Text.T("暂停", "Suspended"),
        _ => Text.T("已取消", "Abolished"),
    };
}
