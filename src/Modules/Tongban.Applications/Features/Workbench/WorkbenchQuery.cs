using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tongban.Applications.Data;
using Tongban.Applications.Domain;
using Tongban.Applications.Features.ViewCase;
using Tongban.Kernel.Calendar;
using Tongban.Kernel.Security;
using Tongban.Kernel.Time;

namespace Tongban.Applications.Features.Workbench;

internal sealed class WorkbenchFilter
{
    public string? Number { get; set; }
    public string? Item { get; set; }
    public CaseStatus? Status { get; set; }
    public DateOnly? DueBy { get; set; }

    /// <summary>One of the signed-in staff member's roles; empty means every queue they work in.</summary>
    public string? Queue { get; set; }
}

internal sealed record WorkbenchRow(string Number, string ItemCode, string ItemName, CaseStatus Status, string? Queue, string ApplicantMaskedId,
    DateTimeOffset SubmittedAt, DateOnly? DueOn, int Remaining, DeadlineLevel Level, bool OverdueDeferred);

/// <summary>The staff workbench: cases in the signed-in member's department and divisions, in their roles' queues, most urgent first.</summary>
internal sealed class WorkbenchQuery(ApplicationsDbContext db, CalendarStore calendars, RegionClock clock, IOptions<ApplicationsOptions> options)
{
    public const int PageSize = 100;

    public async Task<IReadOnlyList<WorkbenchRow>> ListAsync(WorkbenchFilter filter, ClaimsPrincipal user, CancellationToken ct)
    {
        var scope = StaffScope.Of(user);
        var roles = user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToList();
        var queues = !string.IsNullOrWhiteSpace(filter.Queue) && roles.Contains(filter.Queue) ? [filter.Queue] : roles;
        var query = db.Cases.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Number)) query = query.Where(c => c.Number == filter.Number.Trim());
        else if (filter.Status is null) query = query.Where(c => c.Queue != null && queues.Contains(c.Queue));
        if (scope.DepartmentCode is { } department) query = query.Where(c => c.DepartmentCreditCode == department);
        if (!string.IsNullOrWhiteSpace(filter.Item)) query = query.Where(c => c.ItemCode == filter.Item.Trim() || c.ItemName.Contains(filter.Item.Trim()));
        if (filter.Status is { } status) query = query.Where(c => c.Status == status);
        if (filter.DueBy is { } dueBy) query = query.Where(c => c.DueOn != null && c.DueOn <= dueBy);
        var cases = await query.OrderBy(c => c.DueOn == null).ThenBy(c => c.DueOn).ThenBy(c => c.SubmittedAt).Take(PageSize * 2).ToListAsync(ct);

        var (today, calendar, share) = (clock.Today, await calendars.GetAsync(ct), options.Value.WarningShare);
        return [.. cases.Where(c => scope.Covers(c.DivisionCode)).Take(PageSize).Select(c =>
        {
            var d = c.DeadlineOn(today, calendar, share);
            return new WorkbenchRow(c.Number, c.ItemCode, c.ItemName, c.Status, c.Queue, c.ApplicantMaskedId, c.SubmittedAt, d.DueOn, d.Remaining, d.Level,
                c.OutstandingDeferred.Any(m => m.PromisedBy < today));
        })];
    }
}
