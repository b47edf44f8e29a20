using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Tongban.Kernel.Localization;
using Tongban.Kernel.Security;
using Tongban.Organization.Data;
using Tongban.Organization.Domain;

namespace Tongban.Organization.Features.ManageDepartments;

/// <summary>The department form's fields, shared by the list page (add) and the edit page.</summary>
internal sealed class DepartmentInput
{
    public string CreditCode { get; set; } = "";
    public string Name { get; set; } = "";
    public string? NameEn { get; set; }
    public string DivisionCode { get; set; } = "";
    public string? Phone { get; set; }
    public string? Address { get; set; }

    public DepartmentDetails ToDetails() => new(CreditCode, Name, NameEn, DivisionCode, Phone, Address);

    public static DepartmentInput From(Department d) => new()
    {
        CreditCode = d.CreditCode, Name = d.Name, NameEn = d.NameEn, DivisionCode = d.DivisionCode, Phone = d.Phone, Address = d.Address,
    };
}

[Authorize(Policy = Policies.SystemAdministrator)]
internal sealed class DepartmentsModel(OrganizationDbContext db, EditDepartments edit) : PageModel
{
    [BindProperty]
    public DepartmentInput Input { get; set; } = new();

    public IReadOnlyList<(Department Department, string Division)> Departments { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        var department = await edit.AddAsync(Input.ToDetails(), Actor.Of(User), ct);
        Message = Text.T($"已添加{department.Name}", $"Added {department.Name}");
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var rows = await (from d in db.Departments.AsNoTracking()
                          join v in db.Divisions.AsNoTracking() on d.DivisionCode equals v.Code into divisions
                          from v in divisions.DefaultIfEmpty()
                          orderby d.DivisionCode, d.Name
                          select new { d, Division = v == null ? "" : v.Name }).ToListAsync(ct);
        Departments = rows.Select(r => (r.d, r.Division)).ToList();
    }
}
