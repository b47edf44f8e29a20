using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongban.Halls.Domain;

namespace Tongban.Halls.Features.RateWindow;

/// <summary>
/// The rating tablet at a window (评价器): the ticket just served, five levels, the indicators, a comment. A tablet not
/// yet paired with the window shows only the pairing form, where the code the window's clerk gives is typed once.
/// </summary>
internal sealed class RateWindowModel(HallPlaces halls, RateTicket rate, TabletPairing tablets) : PageModel
{
    public HallPlace Hall { get; private set; } = null!;
    public string Window { get; private set; } = "";
    public bool Paired { get; private set; }
    public Ticket? Awaiting { get; private set; }
    public bool Thanks { get; private set; }

    [BindProperty(Name = "Ticket")] public string? TicketNumber { get; set; }
    [BindProperty] public int Level { get; set; }
    [BindProperty] public List<string> Indicators { get; set; } = [];
    [BindProperty] public string? Comment { get; set; }
    [BindProperty] public string? Code { get; set; }

    public async Task<IActionResult> OnGetAsync(string hall, string window, bool thanks, CancellationToken ct)
    {
        await LoadAsync(hall, window, ct);
        Thanks = thanks;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string hall, string window, CancellationToken ct)
    {
        await LoadAsync(hall, window, ct);
        await rate.RateAsync(hall, window, new RatingInput(TicketNumber, Level, Indicators, Comment), Token, ct);
        return Redirect($"{Here}?thanks=true");
    }

    public async Task<IActionResult> OnPostPairAsync(string hall, string window, CancellationToken ct)
    {
        await LoadAsync(hall, window, ct);
        var token = await tablets.PairAsync(Hall, Window, Code, ct);
        Response.Cookies.Append(TabletPairing.Cookie, token, new CookieOptions
        {
            HttpOnly = true, IsEssential = true, SameSite = SameSiteMode.Strict, Secure = Request.IsHttps, Path = "/", Expires = DateTimeOffset.UtcNow.AddYears(1),
        });
        return Redirect(Here);
    }

    private string? Token => Request.Cookies[TabletPairing.Cookie];

    private string Here => $"/halls/{Hall.Hall.Slug}/rate/{Uri.EscapeDataString(Window)}";

    private async Task LoadAsync(string hall, string window, CancellationToken ct)
    {
        Hall = await halls.GetAsync(hall, ct);
        Window = Hall.Window(window).Number;
        Paired = await tablets.IsPairedAsync(Hall.Id, Window, Token, ct);
        Awaiting = Paired ? await rate.AwaitingAsync(Hall.Id, Window, ct) : null;
    }
}
