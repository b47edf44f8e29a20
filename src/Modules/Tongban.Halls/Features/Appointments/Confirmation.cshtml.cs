using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Tongban.Halls.Features.Appointments;

/// <summary>One's own appointment (预约凭证): the code to type at the kiosk, the slot, the item; cancel or move until the cut-off.</summary>
[Authorize]
internal sealed class ConfirmationModel(HallPlaces halls, AppointmentQueries queries, Booking booking) : PageModel
{
    public HallPlace Hall { get; private set; } = null!;
    public AppointmentView Appointment { get; private set; } = null!;
    public bool Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(string hall, string code, bool done, CancellationToken ct)
    {
        Hall = await halls.GetAsync(hall, ct);
        Appointment = await queries.MineAsync(AppointmentEndpoints.Holder(User), Hall, code, ct);
        Done = done;
        return Page();
    }

    public async Task<IActionResult> OnPostCancelAsync(string hall, string code, CancellationToken ct)
    {
        Hall = await halls.GetAsync(hall, ct);
        Appointment = await queries.MineAsync(AppointmentEndpoints.Holder(User), Hall, code, ct);
        await booking.CancelAsync(AppointmentEndpoints.Holder(User), hall, code, ct);
        return Redirect($"/halls/{Hall.Hall.Slug}/appointments/{Appointment.Code}");
    }
}
