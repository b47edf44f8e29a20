using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Tongban.Applications.Data;
using Tongban.Applications.Domain;
using Tongban.Applications.Features.ViewCase;

namespace Tongban.Applications.Features.TrackMyCases;

[Authorize]
internal sealed class MyCasesModel(ApplicationsDbContext db, MyCaseList list) : PageModel
{
    public IReadOnlyList<Case> Cases { get; private set; } = [];
    public IReadOnlyList<Draft> Drafts { get; private set; } = [];

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
    }
}
