using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Tongban.Catalog.Data;
using Tongban.Catalog.Domain;
using Tongban.Kernel.Audit;
using Tongban.Kernel.Errors;
using Tongban.Kernel.Outbox;
using Tongban.Kernel.Security;

namespace Tongban.Catalog.Features.Admin;

/// <summary>
/// Search synonyms: one group of interchangeable terms a line. Groups are added one at a time, or many at once in the
/// region pack's format (a group a line, terms separated by |), which is how a dictionary written elsewhere (the
/// region pack's synonyms.txt) reaches a catalog that has synonyms already.
/// </summary>
[Authorize(Policy = Policies.CatalogAdministrator)]
internal sealed class SynonymsModel(CatalogDbContext db, CatalogChanges changes, TimeProvider clock) : PageModel
{
    public IReadOnlyList<SynonymGroup> Groups { get; private set; } = [];
    public int Count { get; private set; }

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty] public string Terms { get; set; } = "";
    [BindProperty] public string Lines { get; set; } = "";
    public int? Added { get; private set; }

    public Task OnGetAsync(int? added, CancellationToken ct)
    {
        Added = added;
        return LoadAsync(ct);
    }

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

    /// <summary>Every line checked first (each wrong line named); then the groups not there yet are added, together.</summary>
    public async Task<IActionResult> OnPostImportAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        var present = (await db.Synonyms.AsNoTracking().ToListAsync(ct)).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        var groups = new List<SynonymGroup>();
        var errors = new List<DomainError>();
        var lines = Lines.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line[0] == '#') continue;
            try
            {
                var group = SynonymGroup.Create(line.Split('|'));
                if (present.Add(group.Key)) groups.Add(group);
            }
            catch (DomainException ex)
            {
                errors.AddRange(ex.Errors.Select(e => e with { Chinese = $"第{i + 1}行：{e.Chinese}", English = $"Line {i + 1}: {e.English}", Field = "lines" }));
            }
        }
        if (errors.Count > 0) throw new DomainException(errors);
        db.Synonyms.AddRange(groups);
        db.Audit(new AuditRecord(Actor.Of(User), "catalog.synonyms_imported", "synonyms", $"{groups.Count} groups added", clock.GetUtcNow()));
        await db.SaveChangesAsync(ct);
        await changes.CommittedAsync(ct);
        return RedirectToPage(new { added = groups.Count });
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

    private async Task LoadAsync(CancellationToken ct)
    {
        var all = await db.Synonyms.AsNoTracking().OrderBy(s => s.Id).ToListAsync(ct);
        Count = all.Count;
        var q = Q?.Trim();
        Groups = string.IsNullOrEmpty(q) ? all : [.. all.Where(g => g.Terms.Any(t => t.Contains(q, StringComparison.OrdinalIgnoreCase)))];
    }
}
