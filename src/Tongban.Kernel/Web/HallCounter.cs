using System.Security.Claims;

namespace Tongban.Kernel.Web;

/// <summary>
/// The queue ticket a window clerk is serving now, so that a walk-in application started from it (窗口收件) records the
/// visit against the ticket without the applications module knowing the halls module. Implemented by the halls module.
/// </summary>
public interface IHallCounter
{
    /// <summary>
    /// Today's ticket <paramref name="number"/> of the hall, called to <paramref name="window"/> and not yet finished, when
    /// <paramref name="clerk"/> may serve at that window; otherwise a <c>DomainException</c> naming why, in both languages.
    /// </summary>
    Task<CounterTicket> ServingAsync(string hall, string window, string number, ClaimsPrincipal clerk, CancellationToken cancellationToken);
}

/// <summary>A ticket at a window: <see cref="Place"/> and <see cref="PlaceEn"/> word it for people ("市民中心 03号窗口 A012号").</summary>
public sealed record CounterTicket(Guid TicketId, string Number, string Window, string Place, string PlaceEn);
