using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Tongban.Halls.Features.Appointments;

/// <summary>我的预约: the signed-in person's own appointments in every hall, those to come first, each linking to its confirmation (cancel, move).</summary>
[Authorize]
internal sealed class MyAppointmentsModel(AppointmentQueries queries) : PageModel
{
    public IReadOnlyList<MyAppointmentLine> Upcoming { get; private set; } = [];
    public IReadOnlyList<MyAppointmentLine> Past { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var lines = await queries.ListMineAsync(AppointmentEndpoints.Holder(User), ct);
        Upcoming = [.. lines.Where(l => l.Upcoming)];
        Past = [.. lines.Where(l => !l.Upcoming)];
        return Page();
    }
}
