using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Tongban.Kernel.Security;
using Tongban.Organization.Data;

namespace Tongban.Organization.Features.Admin;

[Authorize(Policy = Policies.SystemAdministrator)]
internal sealed class OrganizationAdminModel(OrganizationDbContext db) : PageModel
{
    public int Divisions { get; private set; }
    public int Departments { get; private set; }
    public int Halls { get; private set; }
    public int Windows { get; private set; }
    public int Stations { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Divisions = await db.Divisions.CountAsync(ct);
        Departments = await db.Departments.CountAsync(ct);
        Halls = await db.Halls.CountAsync(ct);
        Windows = await db.Windows.CountAsync(ct);
        Stations = await db.Stations.CountAsync(ct);
    }
}
