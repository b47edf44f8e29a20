using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Tongban.Kernel.Security;
using Tongban.Organization.Data;
using Tongban.Organization.Domain;

namespace Tongban.Organization.Features.ManageHalls;

[Authorize(Policy = Policies.SystemAdministrator)]
internal sealed class HallsModel(OrganizationDbContext db, EditHalls edit) : PageModel
{
    [BindProperty]
    public HallInput Input { get; set; } = new();

    public IReadOnlyList<Hall> Halls { get; private set; } = [];

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        var hall = await edit.CreateAsync(Input.Slug.Trim(), Input.ToProfile(), Actor.Of(User), ct);
        return Redirect($"/admin/organization/halls/{hall.Slug}");
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Halls = await db.Halls.AsNoTracking().Include(h => h.Windows).OrderBy(h => h.DivisionCode).ToListAsync(ct);
}
