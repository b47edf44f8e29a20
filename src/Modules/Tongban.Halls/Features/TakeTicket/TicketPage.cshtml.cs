using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongban.Halls.Domain;

namespace Tongban.Halls.Features.TakeTicket;

/// <summary>
/// A ticket's page (after taking it, or looked up by its number): where it stands and how many are ahead; right after a
/// walk-in ticket is taken (<c>taken</c> holds the proof), the 到号提醒 form (<see cref="TicketReminders"/>).
/// </summary>
internal sealed class TicketPageModel(HallPlaces halls, TicketQueries tickets, TicketReminders reminders) : PageModel
{
    public HallPlace Hall { get; private set; } = null!;
    public TicketView? Ticket { get; private set; }
    public string? Query { get; private set; }
    public bool Missing { get; private set; }
    public bool Taken { get; private set; }

    /// <summary>The proof of taking the ticket, when this page may offer 到号提醒 (a walk-in ticket with more than three ahead).</summary>
    public string? ReminderProof { get; private set; }

    /// <summary>The number as typed, shown again when it is refused.</summary>
    public string? Phone { get; private set; }

    public async Task<IActionResult> OnGetAsync(string hall, string? number, string? q, string? taken, CancellationToken ct)
    {
        Hall = await halls.GetAsync(hall, ct);
        Query = (number ?? q)?.Trim();
        if (string.IsNullOrEmpty(Query)) return Page();
        if (number is null && TicketQueries.Normalise(Query) is { } found) return Redirect($"/halls/{Hall.Hall.Slug}/tickets/{found}");
        await LoadAsync(Query, taken, ct);
        if (Missing) Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }

    /// <summary>到号提醒: the number typed on the page the kiosk showed after taking the ticket.</summary>
    public async Task<IActionResult> OnPostReminderAsync(string hall, string? number, string? taken, string? phone, CancellationToken ct)
    {
        (Hall, Phone) = (await halls.GetAsync(hall, ct), phone);
        await LoadAsync(number ?? "", taken, ct); // shown again as it was if the number is refused
        if (Ticket is null) return NotFound();
        await reminders.SetAsync(hall, Ticket.Number, taken, phone, ct);
        return Redirect($"/halls/{Hall.Hall.Slug}/tickets/{Ticket.Number}?taken={Uri.EscapeDataString(taken ?? "")}#ticket-reminder");
    }

    private async Task LoadAsync(string number, string? taken, CancellationToken ct)
    {
        Ticket = await tickets.TodayAsync(Hall.Id, number, ct);
        (Missing, Taken) = (Ticket is null, taken is not null && Ticket is not null);
        if (Ticket is { Status: TicketStatus.Waiting, Priority: false, Ahead: > CallTickets.Calling.AheadToTell } && reminders.Offered && reminders.Proves(taken, Ticket.Id))
            ReminderProof = taken;
    }
}
