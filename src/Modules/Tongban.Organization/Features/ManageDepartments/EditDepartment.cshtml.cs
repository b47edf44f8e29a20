using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Tongban.Kernel.Security;
using Tongban.Organization.Data;
using Tongban.Organization.Domain;

namespace Tongban.Organization.Features.ManageDepartments;

[Authorize(Policy = Policies.SystemAdministrator)]
internal sealed class EditDepartmentModel(OrganizationDbContext db, EditDepartments edit) : PageModel
{
    [BindProperty]
    public DepartmentInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var department = await db.Departments.AsNoTracking().SingleOrDefaultAsync(d => d.Id == DepartmentId.From(id), ct);
        if (department is null) return NotFound();
        Input = DepartmentInput.From(department);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        await edit.UpdateAsync(id, Input.ToDetails(), Actor.Of(User), ct);
        return Redirect("/admin/organization/departments");
    }
}
