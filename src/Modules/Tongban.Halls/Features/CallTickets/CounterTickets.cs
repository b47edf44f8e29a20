using System.Security.Claims;
using Tongban.Halls.Domain;
using Tongban.Halls.Features.TakeTicket;
using Tongban.Kernel.Web;

namespace Tongban.Halls.Features.CallTickets;

/// <summary>
/// The ticket a clerk serves at a window, for a walk-in application started from it (kernel <see cref="IHallCounter"/>):
/// the same clerk rule as calling, and only the ticket called to that window now — so a case records a visit only for the
/// person actually at the counter.
/// </summary>
internal sealed class CounterTickets(Calling calling) : IHallCounter
{
    public async Task<CounterTicket> ServingAsync(string hall, string window, string number, ClaimsPrincipal clerk, CancellationToken cancellationToken)
    {
        var desk = await calling.DeskAsync(clerk, hall, window, cancellationToken);
        var current = await calling.CurrentAsync(desk.Hall.Id, desk.Window, cancellationToken);
        if (current is null || current.Number != TicketQueries.Normalise(number))
            throw HallErrors.Conflict("calling.ticket_not_at_window", $"{desk.Window}号窗口当前办理的不是该号，请从叫号页面为正在办理的号收件",
                $"Window {desk.Window} is not serving that ticket now; start the application from the calling page for the ticket being served");
        var (place, placeEn) = desk.Hall.VisitPlace(desk.Window, current.Number);
        return new CounterTicket(current.Id.Value, current.Number, desk.Window, place, placeEn);
    }
}
