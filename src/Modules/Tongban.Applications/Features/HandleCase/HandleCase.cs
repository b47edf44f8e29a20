using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Tongban.Applications.Contracts;
using Tongban.Applications.Data;
using Tongban.Applications.Domain;
using Tongban.Applications.Features.NotifyApplicant;
using Tongban.Applications.Features.RegisterWalkIn;
using Tongban.Applications.Features.ViewCase;
using Tongban.Kernel.Audit;
using Tongban.Kernel.Calendar;
using Tongban.Kernel.Errors;
using Tongban.Kernel.Outbox;
using Tongban.Kernel.Time;
using Tongban.Kernel.Web;

namespace Tongban.Applications.Features.HandleCase;

/// <summary>What a staff action carries, from the API body or the case page's forms; each action reads its own part.</summary>
internal sealed class CaseActionInput
{
    public string? Reason { get; set; }
    public string? LegalNotice { get; set; }
    public string? Opinion { get; set; }
    public List<CorrectionItem>? Corrections { get; set; }
    public List<string>? Materials { get; set; }
    public DateOnly? PromisedBy { get; set; }
    public StopKind? Kind { get; set; }
    public Outcome? Outcome { get; set; }
    public Delivery? Delivery { get; set; }
    public string? TrackingNumber { get; set; }
    public string? Place { get; set; }
    public string? Purpose { get; set; }

    /// <summary>
    /// A visit recorded from a hall's queue ticket: the hall, the window and the ticket called there now (the place is then
    /// theirs), and the ID number of the applicant in front of the clerk (posted only, never shown or stored).
    /// </summary>
    public string? Hall { get; set; }
    public string? Window { get; set; }
    public string? Ticket { get; set; }
    public string? IdNumber { get; set; }
}

/// <summary>
/// The handling steps staff take on a case; each loads the case in the staff member's scope, calls its method, audits and
/// saves. A visit recorded from a hall's ticket is the one exception to the scope: the clerk at the window serves the
/// person in front of them whatever department's case it is (无差别受理), so the case is found by its number together with
/// its applicant's ID number (the look-up audited as a walk-in's), the ticket being the one called to that clerk's window.
/// </summary>
internal sealed class HandleCase(ApplicationsDbContext db, CaseReader reader, CalendarStore calendars, RegionClock clock, IEnumerable<IHallCounter> counters,
    RegisterWalkIn.RegisterWalkIn walkIns)
{
    public static readonly IReadOnlyList<string> Actions =
        ["accept", "accept-deferred", "refuse", "request-correction", "complete-step", "stop-clock", "restart-clock", "decide", "conclude", "record-trip"];

    public async Task<Case> ActAsync(string number, string action, CaseActionInput input, ClaimsPrincipal user, CancellationToken ct)
    {
        var ticket = action == "record-trip" ? await HallTickets.ServingAsync(counters, input.Hall, input.Window, input.Ticket, user, ct) : null;
        var @case = ticket is null ? await reader.ForStaffAsync(number, user, tracking: true, ct) : await HoldersCaseAsync(number, input.IdNumber, user, ct);
        var staff = Applicants.StaffOf(user);
        var (today, at, calendar) = (clock.Today, clock.UtcNow, await calendars.GetAsync(ct));
        if (ticket is not null) @case.RecordTicketVisit(ticket.TicketId, HallTickets.PlaceOf(ticket), input.Purpose ?? "", staff, at);
        else Apply(@case, action, input, staff, today, calendar, at);
        db.Audit(new AuditRecord(staff.Actor, $"applications.{action}", $"case:{@case.Number}", @case.Status.ToString(), at));
        if (@case.Status == CaseStatus.Concluded && action == "conclude")
            db.Publish(CaseConcluded.MessageType, new CaseConcluded(@case.Id.Value, @case.Number, @case.ItemCode, @case.ItemVersion, @case.ApplicantId,
                @case.Outcome == Outcome.Approved, @case.Delivery!.Value.ToString(), at), at);
        ApplicantNotices.PublishFor(db, @case, action, at);
        await HomeVisits.HomeVisits.CloseWithCaseAsync(db, @case, at, ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new DomainException(new DomainError("case.changed", "该办件刚被他人处理，请刷新后重试", "Someone else has just acted on this case; reload and try again", ErrorKind.Conflict));
        }
        return @case;
    }

    /// <summary>The case of this number whose applicant has this ID number; another's, or none, is not found alike.</summary>
    private async Task<Case> HoldersCaseAsync(string number, string? idNumber, ClaimsPrincipal user, CancellationToken ct)
    {
        var applicant = await walkIns.FindApplicantAsync(idNumber, $"到场登记 visit on case {number}", user, ct);
        return await db.Cases.SingleOrDefaultAsync(c => c.Number == number && c.ApplicantId == applicant.Id, ct) ?? throw CaseReader.NotFound;
    }

    private static void Apply(Case c, string action, CaseActionInput i, StaffMember staff, DateOnly today, WorkingDayCalendar calendar, DateTimeOffset at)
    {
        switch (action)
        {
            case "accept": c.Accept(staff, today, calendar, at); break;
            case "accept-deferred": c.AcceptWithDeferred(i.Materials ?? [], i.PromisedBy ?? today, staff, today, calendar, at); break;
            case "refuse": c.Refuse(i.Reason ?? "", i.LegalNotice ?? "", staff, at); break;
            case "request-correction": c.RequestCorrection(i.Corrections ?? [], staff, today, at); break;
            case "complete-step": c.CompleteStep(i.Opinion ?? "", staff, at); break;
            case "stop-clock": c.StopClock(i.Kind ?? StopKind.Hearing, i.Reason ?? "", staff, today, at); break;
            case "restart-clock": c.RestartClock(staff, today, calendar, at); break;
            case "decide": c.Decide(i.Outcome ?? throw Missing("outcome"), i.Opinion ?? "", staff, at); break;
            case "conclude": c.Conclude(i.Delivery ?? throw Missing("delivery"), i.TrackingNumber, staff, today, at); break;
            case "record-trip": c.RecordTrip(i.Place ?? "", i.Purpose ?? "", staff, at); break;
            default: throw new DomainException(new DomainError("case.unknown_action", $"未知的办理动作：{action}", $"Unknown action: {action}", ErrorKind.NotFound));
        }
    }

    private static DomainException Missing(string field) =>
        new(new DomainError("case.choice_required", "请选择一项", "Choose one", Field: field));
}
