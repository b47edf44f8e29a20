using Microsoft.EntityFrameworkCore;
using Tongban.Halls.Data;
using Tongban.Halls.Domain;
using Tongban.Kernel.Outbox;
using Tongban.Kernel.Ratings;
using Tongban.Kernel.Time;

namespace Tongban.Halls.Features.RateWindow;

internal sealed record RatingInput(string? Ticket, int Level, IReadOnlyList<string>? Indicators, string? Comment);

/// <summary>
/// 评价器: the person just served at a window rates the service, once per ticket, on the window's paired tablet. The
/// ticket must have been served at this window today; a second rating, also one sent at the same moment, is refused (the ticket is the rating's key).
/// The rating is published (<see cref="WindowRated"/>) in the same transaction: the applications module joins it to the
/// 好差评 of the case started from the ticket, and a bad one opens a rectification there.
/// </summary>
internal sealed class RateTicket(HallsDbContext db, HallPlaces halls, TabletPairing tablets, RegionClock clock)
{
    /// <summary>The latest ticket served at the window today that is not rated yet; null when there is none.</summary>
    public async Task<Ticket?> AwaitingAsync(Guid hallId, string window, CancellationToken ct)
    {
        var today = clock.Today;
        return await db.Tickets.AsNoTracking()
            .Where(t => t.HallId == hallId && t.Day == today && t.Window == window && t.Status == TicketStatus.Served)
            .Where(t => !db.Ratings.Any(r => r.TicketId == t.Id))
            .OrderByDescending(t => t.FinishedAt).FirstOrDefaultAsync(ct);
    }

    /// <summary>Taken only from the window's paired tablet (<paramref name="tablet"/>: its token), before anything is looked up.</summary>
    public async Task<WindowRating> RateAsync(string hallSlug, string window, RatingInput input, string? tablet, CancellationToken ct)
    {
        var hall = await halls.GetAsync(hallSlug, ct);
        var desk = hall.Window(window);
        if (!await tablets.IsPairedAsync(hall.Id, desk.Number, tablet, ct)) throw RatingTablet.NotPaired(desk.Number);
        var (today, number) = (clock.Today, Features.TakeTicket.TicketQueries.Normalise(input.Ticket));
        var ticket = number is null ? null : await db.Tickets.AsNoTracking().FirstOrDefaultAsync(t => t.HallId == hall.Id && t.Day == today && t.Number == number, ct);
        if (ticket is null || ticket.Window != desk.Number) throw HallErrors.TicketNotFound();
        if (await db.Ratings.AnyAsync(r => r.TicketId == ticket.Id, ct)) throw WindowRating.AlreadyRated(ticket.Number);
        var rating = WindowRating.Rate(ticket, desk.DepartmentCreditCode, input.Level, input.Indicators ?? [], input.Comment, clock.UtcNow);
        db.Ratings.Add(rating);
        // Joined to the case started from the ticket, or kept as the window's, by the applications module (its outbox handler).
        var (place, placeEn) = hall.VisitPlace(desk.Number, ticket.Number);
        db.Publish(WindowRated.MessageType, new WindowRated(ticket.Id.Value, place, placeEn, hall.Hall.DivisionCode,
            desk.DepartmentCreditCode, (int)rating.Level, rating.Indicators, rating.Comment, rating.RatedAt), rating.RatedAt);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            throw WindowRating.AlreadyRated(ticket.Number); // the same ticket rated at the same moment elsewhere
        }
        return rating;
    }
}
