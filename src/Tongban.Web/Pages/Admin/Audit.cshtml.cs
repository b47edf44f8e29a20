using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Tongban.Kernel.Audit;
using Tongban.Kernel.Data;
using Tongban.Kernel.Security;

namespace Tongban.Web.Pages.Admin;

[Authorize(Policy = Policies.SystemAdministrator)]
public sealed class AuditModel(KernelDbContext db, ChainVerifier verifier) : PageModel
{
    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];
    public AuditVerification? Verification { get; private set; }

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task OnPostVerifyAsync(CancellationToken ct)
    {
        Verification = await verifier.VerifyAsync(AuditChain.Name, CheckpointSources.Default, ct);
        await LoadAsync(ct);
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Entries = await db.AuditEntries.AsNoTracking().OrderByDescending(e => e.Sequence).Take(100).ToListAsync(ct);
}
