using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongban.Halls.Features.HallStatus;

namespace Tongban.Halls.Features.TakeTicket;

/// <summary>The hall's kiosk (取号机): one large button per business category; a ticket is taken by a post, then shown on its own page.</summary>
internal sealed class KioskModel(HallPlaces halls, KioskSession session, IssueTicket issue, Appointments.CheckIn checkIn, TicketReminders reminders) : PageModel
{
    public HallPlace Hall { get; private set; } = null!;
    public IReadOnlyList<CategoryLine> Categories { get; private set; } = [];

    /// <summary>The hall now: open or not (and when it opens next), the session's kind.</summary>
    public KioskNow Now { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string hall, CancellationToken ct)
    {
        await LoadAsync(hall, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string hall, string? category, CancellationToken ct)
    {
        await LoadAsync(hall, ct);
        var ticket = await issue.IssueAsync(hall, category ?? "", null, ct);
        return Redirect($"/halls/{Hall.Hall.Slug}/tickets/{ticket.Number}?taken={reminders.ProofFor(ticket.Id)}"); // the proof lets this page set a reminder
    }

    /// <summary>预约签到: the appointment's code gives a priority ticket.</summary>
    public async Task<IActionResult> OnPostCheckInAsync(string hall, string? code, CancellationToken ct)
    {
        await LoadAsync(hall, ct);
        var ticket = await checkIn.CheckInAsync(hall, code, ct);
        return Redirect($"/halls/{Hall.Hall.Slug}/tickets/{ticket.Number}?taken=true");
    }

    /// <summary>预约签到 by the holder's ID number, typed on the kiosk and posted (never in the address).</summary>
    public async Task<IActionResult> OnPostCheckInByIdAsync(string hall, string? idNumber, CancellationToken ct)
    {
        await LoadAsync(hall, ct);
        var ticket = await checkIn.CheckInByIdNumberAsync(hall, idNumber, ct);
        return Redirect($"/halls/{Hall.Hall.Slug}/tickets/{ticket.Number}?taken=true");
    }

    private async Task LoadAsync(string hall, CancellationToken ct)
    {
        Hall = await halls.GetAsync(hall, ct);
        Now = await session.NowAsync(Hall, ct);
        Categories = Now.Categories;
    }
}
