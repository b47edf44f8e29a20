using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Tongban.Kernel.Security;
using Tongban.Organization.Data;
using Tongban.Organization.Domain;

namespace Tongban.Organization.Features.ManageDivisions;

[Authorize(Policy = Policies.SystemAdministrator)]
internal sealed class EditDivisionModel(OrganizationDbContext db, EditDivisions edit) : PageModel
{
    public Division Division { get; private set; } = null!;

    [BindProperty]
    public string Name { get; set; } = "";

    [BindProperty]
    public DateOnly? ValidTo { get; set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        if (!await LoadAsync(code, ct)) return NotFound();
        Name = Division.Name;
        ValidTo = Division.ValidTo;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken ct)
    {
        if (!await LoadAsync(code, ct)) return NotFound();
        await edit.UpdateAsync(code, Name, ValidTo, Actor.Of(User), ct);
        return Redirect($"/admin/organization/divisions?parent={Division.ParentCode}");
    }

    private async Task<bool> LoadAsync(string code, CancellationToken ct)
    {
        Division = (await db.Divisions.AsNoTracking().SingleOrDefaultAsync(d => d.Code == code, ct))!;
        return Division is not null;
    }
}
