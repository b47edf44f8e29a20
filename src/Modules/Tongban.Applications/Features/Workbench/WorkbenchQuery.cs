using System.Globalization;
using System.Linq.Expressions;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tongban.Applications.Data;
using Tongban.Applications.Domain;
using Tongban.Identity.Contracts;
using Tongban.Kernel.Audit;
using Tongban.Kernel.Calendar;
using Tongban.Kernel.Errors;
using Tongban.Kernel.Identifiers;
using Tongban.Kernel.Outbox;
using Tongban.Kernel.Security;
using Tongban.Kernel.Time;

namespace Tongban.Applications.Features.Workbench;

internal sealed class WorkbenchFilter
{
    /// <summary>A whole case number, or its beginning (county, county and day).</summary>
    public string? Number { get; set; }

    /// <summary>The applicant's ID number: matched through their account, never stored or shown in clear.</summary>
    public string? Applicant { get; set; }

    public string? Item { get; set; }
    public CaseStatus? Status { get; set; }
    public DateOnly? DueFrom { get; set; }
    public DateOnly? DueBy { get; set; }

    /// <summary>One of the signed-in staff member's roles, or <see cref="StationQueue"/>; empty means every queue they work in.</summary>
    public string? Queue { get; set; }

    /// <summary>本驿站: the open cases submitted at the member's station (a walk-in there or a station agent's), whatever their role's queue.</summary>
    public const string StationQueue = "station";

    /// <summary>The keyset cursor: the page starts after this (due date, case number), as <see cref="WorkbenchPage.Next"/> gave it.</summary>
    public string? After { get; set; }
}

internal sealed record WorkbenchRow(string Number, string ItemCode, string ItemName, CaseStatus Status, string? Queue, string ApplicantMaskedId,
    DateTimeOffset SubmittedAt, DateOnly? DueOn, int Remaining, DeadlineLevel Level, bool OverdueDeferred);

/// <summary>A page of the workbench and the cursor of the next one (null on the last page).</summary>
internal sealed record WorkbenchPage(IReadOnlyList<WorkbenchRow> Rows, string? Next);

/// <summary>
/// The staff workbench: cases in the signed-in member's department and divisions, in their roles' queues, most urgent
/// first. Everything is done in the database: scope, filters, order by (due date, case number) and keyset pages of
/// <see cref="PageSize"/>; only the columns a row shows are read. With several queues each is read as its own index
/// range and the pages merged, so no query sorts more than a page.
/// </summary>
internal sealed class WorkbenchQuery(ApplicationsDbContext db, IAccountDirectory accounts, CalendarStore calendars, RegionClock clock, IOptions<ApplicationsOptions> options)
{
    public const int PageSize = 50;

    public async Task<WorkbenchPage> ListAsync(WorkbenchFilter filter, ClaimsPrincipal user, CancellationToken ct)
    {
        var query = InScope(db.Cases.AsNoTracking(), StaffScope.Of(user));
        var number = filter.Number?.Trim();
        if (!string.IsNullOrEmpty(number))
        {
            // Case numbers are digits and dashes: every number starting with the prefix lies in [prefix, prefix + "~").
            var upper = number + "~";
            query = number.Length >= 21 ? query.Where(c => c.Number == number)
                : query.Where(c => string.Compare(c.Number, number) >= 0 && string.Compare(c.Number, upper) < 0);
        }
        if (!string.IsNullOrWhiteSpace(filter.Applicant))
        {
            var applicant = await FindApplicantAsync(filter.Applicant, user, ct);
            query = query.Where(c => c.ApplicantId == applicant);
        }
        if (!string.IsNullOrWhiteSpace(filter.Item))
        {
            // A code (letters and digits) is looked up exactly, in the (item_code, due_sort, number) index; anything else is
            // a part of the name. One OR of both would read every case in scope for each search.
            var item = filter.Item.Trim();
            query = item.All(char.IsAsciiLetterOrDigit) ? query.Where(c => c.ItemCode == item) : query.Where(c => c.ItemName.Contains(item));
        }
        if (filter.Status is { } status) query = query.Where(c => c.Status == status);
        if (filter.DueFrom is { } from) query = query.Where(c => c.DueSort >= from);
        if (filter.DueBy is { } dueBy) query = query.Where(c => c.DueSort <= dueBy);
        if (Cursor.Parse(filter.After) is var (afterDue, afterNumber) && afterNumber.Length > 0)
            query = query.Where(c => c.DueSort >= afterDue && (c.DueSort > afterDue || string.Compare(c.Number, afterNumber) > 0));

        // Without a number, applicant or status, the staff member's queues: one index range each.
        var searching = !string.IsNullOrEmpty(number) || !string.IsNullOrWhiteSpace(filter.Applicant) || filter.Status is not null;
        IEnumerable<string?> queues = searching ? [null] : Queues(filter, user);
        var station = StaffScope.Of(user).StationKey;
        var found = new List<Projected>();
        foreach (var queue in queues)
            found.AddRange(await Page(queue switch
            {
                null => query,
                WorkbenchFilter.StationQueue => query.Where(c => c.StationKey == station && c.Queue != null), // open cases of the station
                _ => query.Where(c => c.Queue == queue),
            }).ToListAsync(ct));
        var page = found.DistinctBy(r => r.Number).OrderBy(r => r.DueSort).ThenBy(r => r.Number, StringComparer.Ordinal).Take(PageSize + 1).ToList();

        var (today, calendar, share) = (clock.Today, await calendars.GetAsync(ct), options.Value.WarningShare);
        var rows = page.Take(PageSize).Select(c =>
        {
            var d = Deadline.On(c.ConcludedOn ?? today, c.AcceptedOn, c.LimitDays, c.Stops, calendar, share);
            return new WorkbenchRow(c.Number, c.ItemCode, c.ItemName, c.Status, c.Queue, c.ApplicantMaskedId, c.SubmittedAt, d.DueOn, d.Remaining, d.Level,
                c.Deferred.Any(m => m.ReceivedAt is null && m.PromisedBy < today));
        }).ToList();
        return new WorkbenchPage(rows, page.Count > PageSize ? Cursor.Of(page[PageSize - 1]) : null);
    }

    private static IQueryable<Projected> Page(IQueryable<Case> query) => query
        .OrderBy(c => c.DueSort).ThenBy(c => c.Number).Take(PageSize + 1)
        .Select(c => new Projected(c.Number, c.ItemCode, c.ItemName, c.Status, c.Queue, c.ApplicantMaskedId, c.SubmittedAt, c.DueSort,
            c.AcceptedOn, c.ConcludedOn, c.LimitDays, c.Stops, c.Deferred));

    /// <summary>The queues to read: the one chosen, or all of the member's roles and, with a station in their scope, the station's.</summary>
    private static List<string?> Queues(WorkbenchFilter filter, ClaimsPrincipal user)
    {
        var queues = user.FindAll(ClaimTypes.Role).Select(c => (string?)c.Value).Distinct().ToList();
        if (StaffScope.Of(user).StationKey is not null) queues.Add(WorkbenchFilter.StationQueue);
        return !string.IsNullOrWhiteSpace(filter.Queue) && queues.Contains(filter.Queue) ? [filter.Queue] : queues;
    }

    /// <summary>
    /// The staff scope as SQL. Without a station: the department if the scope has one, and a division prefix the scope
    /// lists (none: the whole region). With a station: the station's own cases, and what the department and divisions
    /// cover only when the scope also names a department.
    /// </summary>
    public static IQueryable<T> InScope<T>(IQueryable<T> query, StaffScope scope) where T : IStaffScoped
    {
        var c = Expression.Parameter(typeof(T), "c");
        Expression covered = Expression.Constant(true);
        if (scope.DepartmentCode is { } department)
            covered = Expression.Equal(Expression.Property(c, nameof(IStaffScoped.DepartmentCreditCode)), Expression.Constant(department));
        var prefixes = scope.Divisions.Select(d => DivisionCode.TryParse(d, out var code, out _) ? code.Value.Prefix : null).ToList();
        if (prefixes.Count > 0)
        {
            var division = Expression.Property(c, nameof(IStaffScoped.DivisionCode));
            var startsWith = typeof(string).GetMethod(nameof(string.StartsWith), [typeof(string)])!;
            // An unreadable division in the scope reaches nothing (never everything).
            covered = Expression.AndAlso(covered, prefixes.Aggregate((Expression)Expression.Constant(false), (any, prefix) => prefix is null ? any
                : Expression.OrElse(any, Expression.Call(division, startsWith, Expression.Constant(prefix)))));
        }
        if (scope.StationKey is { } station)
        {
            var atStation = Expression.Equal(Expression.Property(c, nameof(IStaffScoped.StationKey)), Expression.Constant(station, typeof(string)));
            covered = scope.DepartmentCode is null ? atStation : Expression.OrElse(atStation, covered);
        }
        return covered is ConstantExpression { Value: true } ? query : query.Where(Expression.Lambda<Func<T, bool>>(covered, c));
    }

    /// <summary>Searching by ID number reads another person's data: the account is found through identity and the read audited, the number only masked.</summary>
    private async Task<Guid> FindApplicantAsync(string idNumber, ClaimsPrincipal user, CancellationToken ct)
    {
        if (!ResidentIdNumber.TryParse(idNumber.Trim(), out var id, out var error)) throw new DomainException(error!.At("applicant"));
        var account = await accounts.FindByIdNumberAsync(id.Value.Value, ct);
        db.Audit(new AuditRecord(Actor.Of(user), "applications.applicant_looked_up", $"person:{id.Value.Masked}",
            $"工作台查询 workbench search{(account is null ? " (no account)" : "")}", clock.UtcNow));
        await db.SaveChangesAsync(ct);
        return account?.Id ?? Guid.Empty;
    }

    private sealed record Projected(string Number, string ItemCode, string ItemName, CaseStatus Status, string? Queue, string ApplicantMaskedId,
        DateTimeOffset SubmittedAt, DateOnly DueSort, DateOnly? AcceptedOn, DateOnly? ConcludedOn, int LimitDays, List<ClockStop> Stops, List<DeferredMaterial> Deferred);

    /// <summary>The keyset cursor <c>yyyyMMdd.{case number}</c>: no personal data, safe in a URL.</summary>
    private static class Cursor
    {
        public static string Of(Projected row) => $"{row.DueSort.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}.{row.Number}";

        public static (DateOnly Due, string Number) Parse(string? cursor) =>
            cursor is { Length: > 9 } && cursor[8] == '.' && DateOnly.TryParseExact(cursor[..8], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var due)
                ? (due, cursor[9..]) : (default, "");
    }
}
