using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Tongban.Halls.Features.TakeTicket;

/// <summary>A ticket's page (after taking it, or looked up by its number): where it stands and how many are ahead.</summary>
internal sealed class TicketPageModel(HallPlaces halls, TicketQueries tickets) : PageModel
{
    public HallPlace Hall { get; private set; } = null!;
    public TicketView? Ticket { get; private set; }
    public string? Query { get; private set; }
    public bool Missing { get; private set; }
    public bool Taken { get; private set; }

    public async Task<IActionResult> OnGetAsync(string hall, string? number, string? q, bool taken, CancellationToken ct)
    {
        Hall = await halls.GetAsync(hall, ct);
        Query = (number ?? q)?.Trim();
        if (string.IsNullOrEmpty(Query)) return Page();
        if (number is null && TicketQueries.Normalise(Query) is { } found) return Redirect($"/halls/{Hall.Hall.Slug}/tickets/{found}");
        Ticket = await tickets.TodayAsync(Hall.Id, Query, ct);
        (Missing, Taken) = (Ticket is null, taken && Ticket is not null);
        if (Missing) Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }
}
