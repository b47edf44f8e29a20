using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tongban.Applications.Contracts;
using Tongban.Applications.Data;
using Tongban.Applications.Domain;
using Tongban.Applications.Features.RateCase;
using Tongban.Applications.Features.ViewCase;
using Tongban.Applications.Features.Workbench;
using Tongban.Kernel.Audit;
using Tongban.Kernel.Calendar;
using Tongban.Kernel.Errors;
using Tongban.Kernel.Outbox;
using Tongban.Kernel.Security;
using Tongban.Kernel.Time;

namespace Tongban.Applications.Features.RectifyRating;

/// <summary>What a staff action on a rating carries; each action reads its own part.</summary>
internal sealed class RectifyInput
{
    public string? Outcome { get; set; }
    public string? Report { get; set; }
    public bool? Upheld { get; set; }
    public string? Opinion { get; set; }
}

/// <summary>
/// Ratings for staff: the list in their scope (the case's: department and divisions, station), the department's call-backs and reports,
/// the supervisor's appeal decisions. A rating outside the scope is "not found".
/// </summary>
internal sealed class RectifyRating(ApplicationsDbContext db, CalendarStore calendars, RegionClock clock, IOptions<ApplicationsOptions> options)
{
    public static readonly IReadOnlyList<string> Actions = ["call-back", "report", "decide-appeal"];

    public DateOnly Today => clock.Today;

    public async Task<IReadOnlyList<Rating>> ListAsync(bool rectificationsOnly, ClaimsPrincipal user, CancellationToken ct)
    {
        var query = WorkbenchQuery.InScope(db.Ratings.AsNoTracking(), CaseReader.OversightScope(user));
        if (rectificationsOnly) query = query.Where(r => r.Rectification == RectificationStatus.Open || r.Rectification == RectificationStatus.Appealed);
        var rows = await query.OrderByDescending(r => r.RatedAt).Take(500).ToListAsync(ct);
        // Open rectifications first, the most urgent on top.
        return [.. rows.OrderBy(r => r.Rectification == RectificationStatus.Open ? r.RectificationDueOn : DateOnly.MaxValue)];
    }

    /// <summary>The ratings of a case the reader already may see: the applicant's own online and those given on site at its visits.</summary>
    public async Task<IReadOnlyList<Rating>> OfCaseAsync(CaseId id, CancellationToken ct) =>
        await db.Ratings.AsNoTracking().Where(r => r.CaseId == id).OrderBy(r => r.RatedAt).ToListAsync(ct);

    public async Task<Rating> FindAsync(Guid id, ClaimsPrincipal user, bool tracking, CancellationToken ct)
    {
        var query = tracking ? db.Ratings : db.Ratings.AsNoTracking();
        var rating = await query.SingleOrDefaultAsync(r => r.Id == RatingId.From(id), ct);
        return rating is not null && CaseReader.InScope(CaseReader.OversightScope(user), rating) ? rating
            : throw new DomainException(DomainError.NotFound("评价", "The rating"));
    }

    public async Task<Rating> ActAsync(Guid id, string action, RectifyInput input, ClaimsPrincipal user, CancellationToken ct)
    {
        var rating = await FindAsync(id, user, tracking: true, ct);
        var staff = Applicants.StaffOf(user);
        switch (action)
        {
            case "call-back": rating.RecordCallBack(input.Outcome ?? "", staff.Actor, clock.UtcNow); break;
            case "report": rating.ReportRectification(input.Report ?? "", staff.Actor, clock.UtcNow); break;
            case "decide-appeal":
                rating.DecideAppeal(input.Upheld ?? throw new DomainException(new DomainError("rating.choice_required", "请选择裁决结果", "Choose a decision", Field: "upheld")),
                    input.Opinion ?? "", staff, clock.Today, await calendars.GetAsync(ct), options.Value.RectificationDays);
                break;
            default: throw new DomainException(new DomainError("rating.unknown_action", $"未知的动作：{action}", $"Unknown action: {action}", ErrorKind.NotFound));
        }
        Announce(rating, action);
        db.Audit(new AuditRecord(staff.Actor, $"applications.rating_{action.Replace('-', '_')}", $"case:{rating.CaseNumber}", rating.Rectification?.ToString(), clock.UtcNow));
        await RatingSaves.SaveAsync(db, ct);
        return rating;
    }

    /// <summary>
    /// What the statistics count of an action, in the same transaction: a report (on time when the region's day is not
    /// after the due date) and an appeal's decision. A call-back changes no figure. A rating taken on site is named by its
    /// ticket (it may have no case); only a case's own rating can be appealed.
    /// </summary>
    private void Announce(Rating rating, string action)
    {
        var (caseId, now) = (rating.CaseId?.Value ?? Guid.Empty, clock.UtcNow);
        if (action == "report" && rating.RectificationDueOn is { } due)
            db.Publish(RectificationReported.MessageType, new RectificationReported(caseId, rating.CaseNumber, due, clock.Today <= due, now, rating.TicketId), now);
        else if (action == "decide-appeal" && rating.AppealUpheld is { } upheld && !rating.OnSite)
            db.Publish(RectificationAppealDecided.MessageType,
                new RectificationAppealDecided(caseId, rating.CaseNumber, upheld, upheld ? rating.RectificationDueOn : null, now), now);
    }
}
