using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongban.Halls.Features.HallStatus;
using Tongban.Halls.Features.TakeTicket;
using Tongban.Kernel.Security;
using Tongban.Organization.Contracts;

namespace Tongban.Halls.Features.CallTickets;

/// <summary>
/// The clerk's calling page at a window (窗口叫号): without a window, the windows of the clerk's department in the hall;
/// with one, the ticket being served and the buttons. Every action posts and comes back here (post, redirect, get).
/// </summary>
[Authorize(Policy = Policies.WindowClerk)]
internal sealed class CounterModel(Calling calling, HallQueue queue, TicketQueries tickets, RateWindow.TabletPairing tablets) : PageModel
{
    public ClerkDesk? Desk { get; private set; }
    public HallPlace Hall { get; private set; } = null!;
    public IReadOnlyList<WindowInfo> MyWindows { get; private set; } = [];
    public IReadOnlyList<CategoryLine> Categories { get; private set; } = [];
    public IReadOnlyList<CategoryLine> AllCategories { get; private set; } = [];
    public TicketView? Current { get; private set; }
    public string? Done { get; private set; }

    /// <summary>The rating tablet's pairing code just asked for: shown on this answer only, never put in an address.</summary>
    public RateWindow.PairingOffer? Pairing { get; private set; }

    [BindProperty] public string? ToWindow { get; set; }
    [BindProperty] public string? ToCategory { get; set; }

    public async Task<IActionResult> OnGetAsync(string hall, string? window, string? done, CancellationToken ct)
    {
        await LoadAsync(hall, window, ct);
        Done = done;
        return Page();
    }

    public Task<IActionResult> OnPostCallAsync(string hall, string window, CancellationToken ct) =>
        ActAsync(hall, window, async () => await calling.CallNextAsync(User, hall, window, ct) is not null ? "called" : "empty", ct);

    public Task<IActionResult> OnPostRecallAsync(string hall, string window, CancellationToken ct) =>
        ActAsync(hall, window, async () => { await calling.RecallAsync(User, hall, window, ct); return "recalled"; }, ct);

    public Task<IActionResult> OnPostSkipAsync(string hall, string window, CancellationToken ct) =>
        ActAsync(hall, window, async () => { await calling.SkipAsync(User, hall, window, ct); return "skipped"; }, ct);

    public Task<IActionResult> OnPostFinishAsync(string hall, string window, CancellationToken ct) =>
        ActAsync(hall, window, async () => { await calling.FinishAsync(User, hall, window, ct); return "finished"; }, ct);

    public Task<IActionResult> OnPostTransferAsync(string hall, string window, CancellationToken ct) =>
        ActAsync(hall, window, async () => { await calling.TransferAsync(User, hall, window, ToWindow, ToCategory, ct); return "transferred"; }, ct);

    public Task<IActionResult> OnPostCloseAsync(string hall, string window, CancellationToken ct) =>
        ActAsync(hall, window, async () => { await calling.CloseAsync(User, hall, window, ct); return "closed"; }, ct);

    public async Task<IActionResult> OnPostPairTabletAsync(string hall, string window, CancellationToken ct)
    {
        await LoadAsync(hall, window, ct);
        Pairing = await tablets.OfferAsync(User, hall, window, ct);
        return Page();
    }

    /// <summary>Loads the page first, so a refusal (a domain error) shows on it with everything in place.</summary>
    private async Task<IActionResult> ActAsync(string hall, string window, Func<Task<string>> act, CancellationToken ct)
    {
        await LoadAsync(hall, window, ct);
        var done = await act();
        return Redirect($"/halls/{Hall.Hall.Slug}/counter/{Uri.EscapeDataString(window)}?done={done}");
    }

    private async Task LoadAsync(string hall, string? window, CancellationToken ct)
    {
        if (window is null)
        {
            Hall = await calling.HallAsync(hall, ct);
            var scope = StaffScope.Of(User);
            MyWindows = [.. Hall.Windows.Where(w => w.DepartmentCreditCode == scope.DepartmentCode && scope.Covers(Hall.Hall.DivisionCode))];
            return;
        }
        Desk = await calling.DeskAsync(User, hall, window, ct);
        Hall = Desk.Hall;
        AllCategories = await queue.CategoriesAsync(Hall.Id, ct);
        Categories = [.. AllCategories.Where(c => c.Windows.Contains(window))];
        if (await calling.CurrentAsync(Hall.Id, window, ct) is { } ticket)
            Current = await tickets.ViewAsync(Hall.Id, ticket.Number, ticket.Day, ct);
    }
}
