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

    public Task<Case> ForStaffAsync(string number, ClaimsPrincipal user, bool tracking, CancellationToken ct) =>
        InScopeAsync(number, StaffScope.Of(user), tracking, ct);

    public async Task<Case> InScopeAsync(string number, StaffScope scope, bool tracking, CancellationToken ct)
    {
        var @case = await Query(tracking).SingleOrDefaultAsync(c => c.Number == number, ct);
        return @case is not null && InScope(scope, @case) ? @case : throw NotFound;
    }

    /// <summary>
    /// What an efficiency supervisor (效能督查) oversees: every department's cases, ratings and orders within their divisions
    /// (none listed: the whole region), whatever department or station they sit in. Anyone else: their staff scope.
    /// </summary>
    public static StaffScope OversightScope(ClaimsPrincipal user) => user.IsInRole(Policies.EfficiencySupervisor)
        ? StaffScope.Of(user) with { DepartmentCode = null, StationKey = null }
        : StaffScope.Of(user);

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

    /// <summary>Whose turn it is and what comes next; for a closed case, the region's date it was concluded or refused.</summary>
    public CaseProgress ProgressOf(Case @case) => CaseProgress.Of(@case, @case.ConcludedOn ?? @case.Status switch
    {
        CaseStatus.Refused or CaseStatus.Withdrawn when @case.History.LastOrDefault() is { } last => clock.DateAt(last.At),
        _ => null,
    });

    /// <summary>The case as the API answers it, with its time limit and progress as of today.</summary>
    public async Task<CaseView> ViewAsync(Case @case, CancellationToken ct) =>
        CaseView.Of(@case, await DeadlineAsync(@case, ct), Today) with { Progress = ProgressView.Of(ProgressOf(@case)) };

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
