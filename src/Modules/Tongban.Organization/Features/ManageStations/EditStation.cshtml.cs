using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Tongban.Kernel.Security;
using Tongban.Organization.Data;

namespace Tongban.Organization.Features.ManageStations;

[Authorize(Policy = Policies.SystemAdministrator)]
internal sealed class EditStationModel(OrganizationDbContext db, EditStations edit) : PageModel
{
    [BindProperty]
    public StationInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(string key, CancellationToken ct)
    {
        var station = await db.Stations.AsNoTracking().SingleOrDefaultAsync(s => s.Key == key, ct);
        if (station is null) return NotFound();
        Input = StationInput.From(station);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string key, CancellationToken ct)
    {
        Input.Key = key;
        await edit.UpdateAsync(key, Input.ToDetails(), Actor.Of(User), ct);
        return Redirect("/admin/organization/stations");
    }
}
