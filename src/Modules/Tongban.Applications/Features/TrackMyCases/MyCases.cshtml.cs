using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Tongban.Applications.Data;
using Tongban.Applications.Domain;
using Tongban.Applications.Features.ViewCase;

namespace Tongban.Applications.Features.TrackMyCases;

[Authorize]
internal sealed class MyCasesModel(ApplicationsDbContext db) : PageModel
{
    public IReadOnlyList<Case> Cases { get; private set; } = [];
    public IReadOnlyList<Draft> Drafts { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var applicant = Applicants.IdOf(User);
        Cases = await db.Cases.AsNoTracking().Where(c => c.ApplicantId == applicant).OrderByDescending(c => c.SubmittedAt).Take(200).ToListAsync(ct);
        Drafts = await db.Drafts.AsNoTracking().Where(d => d.ApplicantId == applicant && d.CaseNumber == null).OrderByDescending(d => d.UpdatedAt).Take(50).ToListAsync(ct);
    }
}
