using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Tongban.Applications.Data;
using Tongban.Applications.Domain;
using Tongban.Applications.Features.ViewCase;
using Tongban.Catalog.Contracts;

namespace Tongban.Applications.Features.TrackMyCases;

[Authorize]
internal sealed class MyCasesModel(ApplicationsDbContext db, MyCaseList list, IServiceItems items) : PageModel
{
    public IReadOnlyList<Case> Cases { get; private set; } = [];
    public IReadOnlyList<Draft> Drafts { get; private set; } = [];

    /// <summary>Each draft's item or life event by name (a code means nothing to the applicant).</summary>
    public IReadOnlyDictionary<Guid, string> DraftNames { get; private set; } = new Dictionary<Guid, string>();

    /// <summary>Where the next page starts (null on the last page); drafts are listed on the first page only.</summary>
    public string? Next { get; private set; }

    public bool FirstPage { get; private set; }

    public async Task OnGetAsync(string? after, CancellationToken ct)
    {
        var applicant = Applicants.IdOf(User);
        (Cases, Next) = await list.PageAsync(after, User, ct);
        FirstPage = string.IsNullOrEmpty(after);
        if (FirstPage)
            Drafts = await db.Drafts.AsNoTracking().Where(d => d.ApplicantId == applicant && d.CaseNumber == null).OrderByDescending(d => d.UpdatedAt).Take(50).ToListAsync(ct);
        DraftNames = await NamesAsync(Drafts, ct);
    }

    private async Task<Dictionary<Guid, string>> NamesAsync(IReadOnlyList<Draft> drafts, CancellationToken ct)
    {
        var names = new Dictionary<Guid, string>();
        foreach (var d in drafts)
            names[d.Id.Value] = d.BundleCode is { } bundle
                ? (await items.FindBundleAsync(bundle, ct))?.Name ?? Kernel.Localization.Text.T("一件事（暂不能办理）", "A life event (not available now)")
                : (await items.FindApplicableAsync(d.ItemCode, ct))?.Name ?? Kernel.Localization.Text.T("事项（暂不能办理）", "An item (not available now)");
        return names;
    }
}
