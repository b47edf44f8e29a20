using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tongban.Applications.Data;
using Tongban.Applications.Domain;
using Tongban.Kernel.Calendar;
using Tongban.Kernel.Errors;
using Tongban.Kernel.Security;
using Tongban.Kernel.Time;

namespace Tongban.Applications.Features.ViewCase;

/// <summary>
/// Finds a case for whoever asks: the applicant sees only their own, staff only those in their scope (department and
/// divisions). Anything else is "not found", so a case's existence is not revealed.
/// </summary>
internal sealed class CaseReader(ApplicationsDbContext db, CalendarStore calendars, RegionClock clock, IOptions<ApplicationsOptions> options)
{
    public static DomainException NotFound => new(DomainError.NotFound("办件", "The case"));

    public async Task<Case> ForApplicantAsync(string number, ClaimsPrincipal user, bool tracking, CancellationToken ct)
    {
        var applicant = Applicants.IdOf(user);
        var @case = await Query(tracking).SingleOrDefaultAsync(c => c.Number == number, ct);
        return @case is not null && @case.ApplicantId == applicant ? @case : throw NotFound;
    }

    public async Task<Case> ForStaffAsync(string number, ClaimsPrincipal user, bool tracking, CancellationToken ct)
    {
        var @case = await Query(tracking).SingleOrDefaultAsync(c => c.Number == number, ct);
        return @case is not null && InScope(StaffScope.Of(user), @case) ? @case : throw NotFound;
    }

    /// <summary>
    /// A case's scope — or its rating's or supervision order's —, as the workbench's SQL: the station's own cases for staff
    /// of a station, and what the department and divisions cover (for staff of a station only with a department).
    /// </summary>
    public static bool InScope(StaffScope scope, IStaffScoped record) =>
        (scope.StationKey is not null && record.StationKey == scope.StationKey)
        || ((scope.StationKey is null || scope.DepartmentCode is not null)
            && (scope.DepartmentCode is null || scope.DepartmentCode == record.DepartmentCreditCode) && scope.Covers(record.DivisionCode));

    public async Task<Deadline> DeadlineAsync(Case @case, CancellationToken ct) =>
        @case.DeadlineOn(clock.Today, await calendars.GetAsync(ct), options.Value.WarningShare);

    public DateOnly Today => clock.Today;

    private IQueryable<Case> Query(bool tracking) => tracking ? db.Cases : db.Cases.AsNoTracking();
}

internal static class Applicants
{
    /// <summary>The signed-in person's account id; a sign-in without an account (development staff) cannot apply.</summary>
    public static Guid IdOf(ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirst(ClaimTypes.NameIdentifier)?.Value, out var id) ? id
        : throw new DomainException(new DomainError("case.account_required", "请使用个人账户登录后申请", "Sign in with a personal account to apply", ErrorKind.Forbidden));

    public static StaffMember StaffOf(ClaimsPrincipal user) =>
        new(Actor.Of(user), user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet());
}
