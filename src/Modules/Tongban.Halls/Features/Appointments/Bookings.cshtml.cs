using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongban.Halls.Features.HallStatus;
using Tongban.Kernel.Security;
using Tongban.Kernel.Time;

namespace Tongban.Halls.Features.Appointments;

/// <summary>预约名单 for the hall's window clerks: a day's appointments by category, with the windows serving each; holders masked.</summary>
[Authorize(Policy = Policies.WindowClerk)]
internal sealed class BookingsModel(HallPlaces halls, HallQueue queue, AppointmentQueries queries, RegionClock clock) : PageModel
{
    public HallPlace Hall { get; private set; } = null!;
    public DateOnly Day { get; private set; }
    public IReadOnlyList<CategoryLine> Categories { get; private set; } = [];
    public IReadOnlyList<BookingLine> Lines { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string hall, string? date, CancellationToken ct)
    {
        Hall = await AppointmentEndpoints.StaffHallAsync(User, halls, hall, ct);
        Day = clock.Today; // shown (with the previous and next days) also when the date typed is refused
        var day = string.IsNullOrWhiteSpace(date) ? clock.Today : AppointmentRules.Date(date);
        if (Math.Abs(day.DayNumber - clock.Today.DayNumber) > 3660) throw AppointmentRules.DateOutOfRange();
        Day = day;
        Categories = await queue.CategoriesAsync(Hall.Id, ct);
        Lines = await queries.DayAsync(Hall, Day, Actor.Of(User), ct);
        return Page();
    }
}
