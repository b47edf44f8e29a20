using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tongban.Applications.Contracts;
using Tongban.Applications.Data;
using Tongban.Applications.Domain;
using Tongban.Kernel.Audit;
using Tongban.Kernel.Calendar;
using Tongban.Kernel.Outbox;
using Tongban.Kernel.Ratings;
using Tongban.Kernel.Time;

namespace Tongban.Applications.Features.RateCase;

/// <summary>
/// 现场评价: a hall window's rating (<see cref="WindowRated"/>, the halls module's outbox) joins the 好差评 of the case
/// started from its ticket (the first, for a bundle), or stands as the window's own; a bad one opens the rectification
/// (整改) of the window's department, due counted from the day of the rating. Delivered again, it is kept once (the ticket
/// is the rating's key). On-site ratings are not the case's own rating (<c>CaseRated</c> stays the applicant's one rating
/// online): each is published as <see cref="OnSiteRated"/> with it, for the figures and the province.
/// </summary>
internal sealed class WindowRatedHandler(ApplicationsDbContext db, CalendarStore calendars, RegionClock clock, IOptions<ApplicationsOptions> options) : IOutboxHandler
{
    public string MessageType => WindowRated.MessageType;

    public async Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var rated = message.Read<WindowRated>();
        if (await KeptAsync(rated.TicketId, cancellationToken)) return;
        var @case = await db.Cases.AsNoTracking().Where(c => c.HallTicketId == rated.TicketId).OrderBy(c => c.Number).FirstOrDefaultAsync(cancellationToken);
        var rating = Rating.OnSiteOf(rated, @case, clock.DateAt(rated.RatedAt), await calendars.GetAsync(cancellationToken), options.Value.RectificationDays);
        db.Ratings.Add(rating);
        db.Publish(OnSiteRated.MessageType, new OnSiteRated(rated.TicketId, rating.CaseNumber, @case?.ItemCode ?? "", rating.ItemName,
            rating.DepartmentCreditCode, rating.DivisionCode, rated.Level, rating.IsBad, rated.RatedAt), clock.UtcNow);
        var subject = @case is null ? $"hall-ticket:{rated.TicketId}" : $"case:{@case.Number}";
        var rater = rated.RaterAccountId is { } account ? $"user:{account}" : "tablet"; // the agency's requester signed in; a tablet is anonymous
        db.Audit(new AuditRecord(rater, "applications.rated_on_site", subject, rating.Level.ToString(), clock.UtcNow));
        if (rating.IsBad)
            db.Audit(new AuditRecord(rater, "applications.rectification_opened", subject, $"{rating.DepartmentCreditCode} {rating.RectificationDueOn:yyyy-MM-dd}", clock.UtcNow));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            if (!await KeptAsync(rated.TicketId, cancellationToken)) throw; // else delivered twice at once: the other delivery kept it
        }
    }

    private async Task<bool> KeptAsync(Guid ticketId, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        return await db.Ratings.AnyAsync(r => r.TicketId == ticketId, ct);
    }
}
