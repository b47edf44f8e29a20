using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Tongban.Kernel.Security;
using Tongban.Organization.Data;
using Tongban.Organization.Domain;

namespace Tongban.Organization.Features.ManageStations;

[Authorize(Policy = Policies.SystemAdministrator)]
internal sealed class StationsModel(OrganizationDbContext db, EditStations edit) : PageModel
{
    [BindProperty]
    public StationInput Input { get; set; } = new();

    public IReadOnlyList<(Station Station, string Division)> Stations { get; private set; } = [];

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        await edit.AddAsync(Input.Key, Input.ToDetails(), Actor.Of(User), ct);
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var stations = await db.Stations.AsNoTracking().OrderBy(s => s.DivisionCode).ToListAsync(ct);
        var codes = stations.Select(s => s.DivisionCode).Distinct().ToList();
        var names = await db.Divisions.AsNoTracking().Where(d => codes.Contains(d.Code)).ToDictionaryAsync(d => d.Code, d => d.Name, ct);
        Stations = stations.Select(s => (s, names.GetValueOrDefault(s.DivisionCode, s.DivisionCode))).ToList();
    }
}
