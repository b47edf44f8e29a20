using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongban.Halls.Domain;

namespace Tongban.Halls.Features.RateWindow;

/// <summary>The rating tablet at a window (评价器): the ticket just served, five levels, the indicators, a comment.</summary>
internal sealed class RateWindowModel(HallPlaces halls, RateTicket rate) : PageModel
{
    public HallPlace Hall { get; private set; } = null!;
    public string Window { get; private set; } = "";
    public Ticket? Awaiting { get; private set; }
    public bool Thanks { get; private set; }

    [BindProperty(Name = "Ticket")] public string? TicketNumber { get; set; }
    [BindProperty] public int Level { get; set; }
    [BindProperty] public List<string> Indicators { get; set; } = [];
    [BindProperty] public string? Comment { get; set; }

    public async Task<IActionResult> OnGetAsync(string hall, string window, bool thanks, CancellationToken ct)
    {
        await LoadAsync(hall, window, ct);
        Thanks = thanks;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string hall, string window, CancellationToken ct)
    {
        await LoadAsync(hall, window, ct);
        await rate.RateAsync(hall, window, new RatingInput(TicketNumber, Level, Indicators, Comment), ct);
        return Redirect($"/halls/{Hall.Hall.Slug}/rate/{Uri.EscapeDataString(Window)}?thanks=true");
    }

    private async Task LoadAsync(string hall, string window, CancellationToken ct)
    {
        Hall = await halls.GetAsync(hall, ct);
        Window = Hall.Window(window).Number;
        Awaiting = await rate.AwaitingAsync(Hall.Id, Window, ct);
    }
}
