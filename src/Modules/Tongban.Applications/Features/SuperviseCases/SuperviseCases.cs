using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
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

namespace Tongban.Applications.Features.SuperviseCases;

internal sealed record DepartmentCount(string Department, int Overdue, int Warning);

/// <summary>A department's rectifications of bad ratings open now, and of them those past their due date.</summary>
internal sealed record DepartmentRectifications(string Department, int Open, int Overdue);

internal sealed record SupervisedCase(string Number, string ItemName, string Department, DateOnly? DueOn, int Remaining, DeadlineLevel Level);

internal sealed record SupervisionOverview(IReadOnlyList<DepartmentCount> Departments, IReadOnlyList<SupervisedCase> Cases);

internal sealed record IssueInput(string? CaseNumber, string? Requirement, DateOnly? AnswerBy);

internal sealed record AnswerInput(string? Answer);

/// <summary>督办: overdue and near-due cases per department for supervisors; orders they issue and the departments answer.</summary>
internal sealed class SuperviseCases(ApplicationsDbContext db, CaseReader reader, CalendarStore calendars, RegionClock clock, IOptions<ApplicationsOptions> options)
{
    /// <summary>Only cases whose stored due date is this close can be yellow or red: an open clock stop only moves a due date later.</summary>
    private const int HorizonDays = 120;

    public DateOnly Today => clock.Today;

    public async Task<SupervisionOverview> OverviewAsync(string? department, ClaimsPrincipal user, CancellationToken ct)
    {
        var scope = CaseReader.OversightScope(user);
        var horizon = clock.Today.AddDays(HorizonDays);
        var query = WorkbenchQuery.InScope(db.Cases.AsNoTracking(), scope).Where(c => c.Status == CaseStatus.InProcess && c.DueOn != null && c.DueOn <= horizon);
        var (today, calendar, share) = (clock.Today, await calendars.GetAsync(ct), options.Value.WarningShare);
        var late = (await query.ToListAsync(ct))
            .Select(c => (Case: c, Deadline: c.DeadlineOn(today, calendar, share)))
            .Where(x => x.Deadline.Level is DeadlineLevel.Warning or DeadlineLevel.Overdue).ToList();
        var counts = late.GroupBy(x => x.Case.DepartmentCreditCode)
            .Select(g => new DepartmentCount(g.Key, g.Count(x => x.Deadline.Level == DeadlineLevel.Overdue), g.Count(x => x.Deadline.Level == DeadlineLevel.Warning)))
            .OrderByDescending(d => d.Overdue).ThenByDescending(d => d.Warning).ToList();
        var cases = late.Where(x => department is null || x.Case.DepartmentCreditCode == department).OrderBy(x => x.Deadline.Remaining)
            .Select(x => new SupervisedCase(x.Case.Number, x.Case.ItemName, x.Case.DepartmentCreditCode, x.Deadline.DueOn, x.Deadline.Remaining, x.Deadline.Level)).ToList();
        return new SupervisionOverview(counts, cases);
    }

    /// <summary>
    /// 差评整改 per department as it stands today: open, and of them past their due date — from the ratings themselves, a
    /// figure of today (the statistics count a rectification on the day it is reported), most overdue first.
    /// </summary>
    public async Task<IReadOnlyList<DepartmentRectifications>> RectificationsAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var today = clock.Today;
        var open = WorkbenchQuery.InScope(db.Ratings.AsNoTracking(), CaseReader.OversightScope(user)).Where(r => r.Rectification == RectificationStatus.Open);
        var rows = await open.GroupBy(r => r.DepartmentCreditCode)
            .Select(g => new DepartmentRectifications(g.Key, g.Count(), g.Count(r => r.RectificationDueOn < today))).ToListAsync(ct);
        return [.. rows.OrderByDescending(d => d.Overdue).ThenByDescending(d => d.Open).ThenBy(d => d.Department, StringComparer.Ordinal)];
    }

    public async Task<IReadOnlyList<SupervisionOrder>> OrdersAsync(string? caseNumber, ClaimsPrincipal user, CancellationToken ct)
    {
        var query = WorkbenchQuery.InScope(db.SupervisionOrders.AsNoTracking(), CaseReader.OversightScope(user));
        if (caseNumber is not null) query = query.Where(o => o.CaseNumber == caseNumber);
        return await query.OrderBy(o => o.Answer != null).ThenBy(o => o.AnswerBy).Take(500).ToListAsync(ct);
    }

    public async Task<SupervisionOrder> IssueAsync(IssueInput input, ClaimsPrincipal user, CancellationToken ct)
    {
        var @case = await reader.InScopeAsync(input.CaseNumber?.Trim() ?? "", CaseReader.OversightScope(user), tracking: false, ct);
        var staff = Applicants.StaffOf(user);
        var order = SupervisionOrder.Issue(@case, input.Requirement ?? "", input.AnswerBy ?? clock.Today, staff, clock.Today, clock.UtcNow);
        db.SupervisionOrders.Add(order);
        db.Audit(new AuditRecord(staff.Actor, "applications.supervision_issued", $"case:{@case.Number}", $"{@case.DepartmentCreditCode} {order.AnswerBy:yyyy-MM-dd}", clock.UtcNow));
        await db.SaveChangesAsync(ct);
        return order;
    }

    public async Task<SupervisionOrder> AnswerAsync(Guid id, string answer, ClaimsPrincipal user, CancellationToken ct)
    {
        var order = await db.SupervisionOrders.SingleOrDefaultAsync(o => o.Id == SupervisionOrderId.From(id), ct);
        if (order is null || !CaseReader.InScope(StaffScope.Of(user), order) || StaffScope.Of(user).DepartmentCode is null)
            throw new DomainException(DomainError.NotFound("督办", "The supervision order"));
        order.Respond(answer, Actor.Of(user), clock.UtcNow);
        db.Audit(new AuditRecord(Actor.Of(user), "applications.supervision_answered", $"case:{order.CaseNumber}", null, clock.UtcNow));
        await RatingSaves.SaveAsync(db, ct);
        return order;
    }
}
