using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Tongban.Applications.Contracts;
using Tongban.Applications.Data;
using Tongban.Applications.Domain;
using Tongban.Applications.Features.NotifyApplicant;
using Tongban.Applications.Features.ViewCase;
using Tongban.Kernel.Audit;
using Tongban.Kernel.Calendar;
using Tongban.Kernel.Errors;
using Tongban.Kernel.Outbox;
using Tongban.Kernel.Time;

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
}

/// <summary>The handling steps staff take on a case; each loads the case in the staff member's scope, calls its method, audits and saves.</summary>
internal sealed class HandleCase(ApplicationsDbContext db, CaseReader reader, CalendarStore calendars, RegionClock clock)
{
    public static readonly IReadOnlyList<string> Actions =
        ["accept", "accept-deferred", "refuse", "request-correction", "complete-step", "stop-clock", "restart-clock", "decide", "conclude", "record-trip"];

    public async Task<Case> ActAsync(string number, string action, CaseActionInput input, ClaimsPrincipal user, CancellationToken ct)
    {
        var @case = await reader.ForStaffAsync(number, user, tracking: true, ct);
        var staff = Applicants.StaffOf(user);
        var (today, at, calendar) = (clock.Today, clock.UtcNow, await calendars.GetAsync(ct));
        Apply(@case, action, input, staff, today, calendar, at);
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
