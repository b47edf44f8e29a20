using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Tongban.Catalog.Data;
using Tongban.Catalog.Domain;
using Tongban.Kernel.Audit;
using Tongban.Kernel.Outbox;
using Tongban.Kernel.Security;

namespace Tongban.Catalog.Features.Admin;

/// <summary>Search synonyms: one group of interchangeable terms a line.</summary>
[Authorize(Policy = Policies.CatalogAdministrator)]
internal sealed class SynonymsModel(CatalogDbContext db, CatalogChanges changes, TimeProvider clock) : PageModel
{
    public IReadOnlyList<SynonymGroup> Groups { get; private set; } = [];

    [BindProperty] public string Terms { get; set; } = "";

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        var group = SynonymGroup.Create(Terms.Split(['|', '，', ',', '、'], StringSplitOptions.RemoveEmptyEntries));
        db.Synonyms.Add(group);
        db.Audit(new AuditRecord(Actor.Of(User), "catalog.synonyms_added", "synonyms", string.Join("|", group.Terms), clock.GetUtcNow()));
        await db.SaveChangesAsync(ct);
        await changes.CommittedAsync(ct);
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRemoveAsync(int id, CancellationToken ct)
    {
        var group = await db.Synonyms.SingleOrDefaultAsync(s => s.Id == id, ct);
        if (group is null) return NotFound();
        db.Synonyms.Remove(group);
        db.Audit(new AuditRecord(Actor.Of(User), "catalog.synonyms_removed", "synonyms", string.Join("|", group.Terms), clock.GetUtcNow()));
        await db.SaveChangesAsync(ct);
        await changes.CommittedAsync(ct);
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct) => Groups = await db.Synonyms.AsNoTracking().OrderBy(s => s.Id).ToListAsync(ct);
}
