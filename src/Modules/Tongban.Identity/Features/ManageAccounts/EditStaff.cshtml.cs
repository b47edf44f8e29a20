using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Tongban.Identity.Data;
using Tongban.Identity.Domain;
using Tongban.Identity.Features.Accounts;
using Tongban.Kernel.Security;

namespace Tongban.Identity.Features.ManageAccounts;

/// <summary>What a staff account's placement form holds, on creation and after (<c>_StaffPlacement.cshtml</c>).</summary>
internal class StaffChangeInput
{
    public string? DepartmentCode { get; set; }
    public string? StationKey { get; set; }
    public string? DivisionScope { get; set; }
    public List<string> Roles { get; set; } = [];
}

/// <summary>A staff account after creation: change roles, department or station and divisions; deactivate or reactivate.</summary>
[Authorize(Policy = Policies.SystemAdministrator)]
internal sealed class EditStaffModel(AccountsDbContext db, UserManager<Account> users, ManageStaff staff) : PageModel
{
    [BindProperty] public StaffChangeInput Input { get; set; } = new();

    public Account? Staff { get; private set; }

    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Input = new StaffChangeInput
        {
            DepartmentCode = Staff!.DepartmentCode, StationKey = Staff.StationKey, DivisionScope = string.Join(",", Staff.DivisionScope),
            Roles = [.. await users.GetRolesAsync(Staff)],
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        await staff.UpdateAsync(id, new StaffPlacement(Input.DepartmentCode, Input.StationKey, AccountsModel.Divisions(Input.DivisionScope)), Input.Roles,
            Actor.Of(User), StaffScope.Of(User), ct);
        return Redirect($"/admin/identity/accounts/{id}?saved=1");
    }

    public async Task<IActionResult> OnPostDeactivateAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        await staff.DeactivateAsync(id, Actor.Of(User), StaffScope.Of(User), ct);
        return Redirect($"/admin/identity/accounts/{id}");
    }

    public async Task<IActionResult> OnPostReactivateAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        await staff.ReactivateAsync(id, Actor.Of(User), StaffScope.Of(User), ct);
        return Redirect($"/admin/identity/accounts/{id}");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        Staff = await db.Users.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id && a.Kind == AccountKind.Staff, ct);
        if (Staff is null || !ManageStaff.Reaches(StaffScope.Of(User), Staff.Kind, Staff.DivisionScope)) return false;
        if (Request.Query.ContainsKey("saved")) Message = Kernel.Localization.Text.T("已保存。此人需重新登录，新的角色和辖区才生效。", "Saved. The person signs in again for the new roles and divisions to apply.");
        return true;
    }
}
