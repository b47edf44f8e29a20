using Tongban.Kernel.Calendar;

namespace Tongban.Organization.Contracts;

public sealed record DepartmentInfo(Guid Id, string CreditCode, string Name, string? NameEn, string DivisionCode);

public sealed record DivisionInfo(string Code, string Name, int Level, string? ParentCode, DateOnly ValidFrom, DateOnly? ValidTo);

public sealed record StationInfo(string Key, string Name, string DivisionCode, string? Address, string? Hours)
{
    /// <summary>A township's 政务服务驿站 (true) or a village or community 便民服务站 (false).</summary>
    public bool IsTownshipStation { get; init; }

    /// <summary>The station's public phone (a landline), if any; never a staff member's mobile.</summary>
    public string? Phone { get; init; }

    /// <summary>How many staff serve there (站长 and 代办员).</summary>
    public int StaffCount { get; init; }
}

/// <summary>
/// A hall, with its opening sessions on a working day in local time (a morning and an afternoon session, say) and its
/// extra sessions (延时服务, 周末不打烊). <see cref="SessionsOn"/> says which run on a given day.
/// </summary>
public sealed record HallInfo(Guid Id, string Slug, string Name, string? NameEn, string DivisionCode, string Address, string? AddressEn, IReadOnlyList<HallSession> Hours, IReadOnlyList<HallExtraSession> ExtraSessions)
{
    /// <summary>The hall's public phone, if recorded.</summary>
    public string? Phone { get; init; }

    /// <summary>Staff at its windows as the hall's profile records it (null: not recorded).</summary>
    public int? StaffCount { get; init; }

    /// <summary>
    /// The sessions of a day in time order: the working-day hours on a working day of the calendar (all windows serve),
    /// and each extra session that runs that day (its windows only). A statutory holiday has a weekend session only
    /// when that session says so.
    /// </summary>
    public IReadOnlyList<HallDaySession> SessionsOn(DateOnly day, WorkingDayCalendar calendar) =>
    [
        .. (calendar.IsWorkingDay(day) ? Hours : []).Select(h => new HallDaySession(HallSessionKind.Regular, h.From, h.To, null))
            .Concat(ExtraSessions.Where(e => e.RunsOn(day, calendar)).Select(e => new HallDaySession(e.Kind, e.From, e.To, e.Windows)))
            .OrderBy(s => s.From),
    ];

    /// <summary>
    /// Whether the hall is open at a local date and time — the session it is in, or when it opens later today, else its
    /// next day with a session (within a year): the hall page's "open now" status, and the kiosk's. The same rule as
    /// <see cref="SessionsOn"/>, so slots, kiosks and the status cannot disagree.
    /// </summary>
    public HallOpenStatus StatusAt(WorkingDayCalendar calendar, DateOnly today, TimeOnly time)
    {
        var working = calendar.IsWorkingDay(today);
        var next = calendar.NextWorkingDay(today.AddDays(1));
        var sessions = SessionsOn(today, calendar);
        var (nextDay, nextAt) = (default(DateOnly?), default(TimeOnly?));
        for (var day = today.AddDays(1); day <= today.AddDays(366); day = day.AddDays(1))
            if (SessionsOn(day, calendar) is [var first, ..])
            {
                (nextDay, nextAt) = (day, first.From);
                break;
            }
        if (sessions.FirstOrDefault(s => s.From <= time && time < s.To) is { } now)
            return new HallOpenStatus(OpenState.OpenNow, today, working, next, now.Kind, now.To, NextOpenDay: nextDay, NextOpensAt: nextAt, Current: now);
        if (sessions.FirstOrDefault(s => s.From > time) is { } later)
            return new HallOpenStatus(OpenState.OpensLaterToday, today, working, next, OpensAt: later.From, OpensWith: later.Kind, NextOpenDay: nextDay, NextOpensAt: nextAt);
        return new HallOpenStatus(working || sessions.Count > 0 ? OpenState.ClosedForToday : OpenState.ClosedNonWorkingDay, today, working, next, NextOpenDay: nextDay, NextOpensAt: nextAt);
    }
}

public enum OpenState
{
    OpenNow,
    OpensLaterToday,
    ClosedForToday,
    ClosedNonWorkingDay,
}

/// <summary>
/// Whether a hall is open, from its hours, its extra sessions (延时服务, 周末不打烊) and the working-day calendar, in the
/// region's local time: the session it is in now (<see cref="Current"/>, of kind <see cref="Session"/>, until
/// <see cref="Until"/>), or when it opens later today (<see cref="OpensAt"/>), and otherwise its next day with a session
/// (<see cref="NextOpenDay"/> at <see cref="NextOpensAt"/>, within a year).
/// </summary>
public sealed record HallOpenStatus(
    OpenState State, DateOnly Today, bool TodayIsWorkingDay, DateOnly NextWorkingDay,
    HallSessionKind? Session = null, TimeOnly? Until = null, TimeOnly? OpensAt = null, HallSessionKind? OpensWith = null,
    DateOnly? NextOpenDay = null, TimeOnly? NextOpensAt = null, HallDaySession? Current = null);

/// <summary>An opening session of a hall on a working day, local time, e.g. 08:30–11:30.</summary>
public sealed record HallSession(TimeOnly From, TimeOnly To);

public enum HallSessionKind
{
    /// <summary>The working-day hours.</summary>
    Regular = 0,

    /// <summary>延时服务: beyond the hours on working days (evenings, the lunch break).</summary>
    Extended = 1,

    /// <summary>周末不打烊: an opening on rest days (Saturday mornings, say); on a statutory holiday only when it says so.</summary>
    Weekend = 2,
}

public static class HallSessionKinds
{
    /// <summary>An extra session's name as running text says it (延时服务 / extended hours); the regular hours have none.</summary>
    public static (string Zh, string En) Words(this HallSessionKind kind) => kind switch
    {
        HallSessionKind.Extended => ("延时服务", "extended hours"),
        HallSessionKind.Weekend => ("周末不打烊", "weekend service"),
        _ => ("", ""),
    };
}

/// <summary>
/// An extra session of a hall: on <see cref="Days"/> of the week between <see cref="StartsOn"/> and <see cref="EndsOn"/>
/// (either open), <see cref="From"/>–<see cref="To"/> local time, served by the windows numbered in <see cref="Windows"/>.
/// </summary>
public sealed record HallExtraSession(
    HallSessionKind Kind, IReadOnlyList<DayOfWeek> Days, TimeOnly From, TimeOnly To, IReadOnlyList<string> Windows,
    DateOnly? StartsOn, DateOnly? EndsOn, bool OnHolidays)
{
    public bool RunsOn(DateOnly day, WorkingDayCalendar calendar) =>
        Domain.SessionCalendar.Runs(Kind, Days, StartsOn, EndsOn, OnHolidays, day, calendar);
}

/// <summary>A session on a given day; <see cref="Windows"/> is null when every window of the hall serves (the regular hours).</summary>
public sealed record HallDaySession(HallSessionKind Kind, TimeOnly From, TimeOnly To, IReadOnlyList<string>? Windows);

/// <summary>A hall window with the credit code of the department that staffs it.</summary>
public sealed record WindowInfo(string Number, string Name, string? NameEn, string DepartmentCreditCode);

/// <summary>What other modules may ask the organisation module: departments, divisions and halls, read-only.</summary>
public interface IOrganizationDirectory
{
    Task<DepartmentInfo?> FindDepartmentAsync(Guid id, CancellationToken cancellationToken);

    Task<DepartmentInfo?> FindDepartmentByCreditCodeAsync(string creditCode, CancellationToken cancellationToken);

    /// <summary>Departments of a division and everything below it; all when <paramref name="divisionCode"/> is null.</summary>
    Task<IReadOnlyList<DepartmentInfo>> ListDepartmentsAsync(string? divisionCode, CancellationToken cancellationToken);

    Task<DivisionInfo?> FindDivisionAsync(string code, CancellationToken cancellationToken);

    /// <summary>Every division, abolished ones included, ordered by code.</summary>
    Task<IReadOnlyList<DivisionInfo>> ListDivisionsAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Each division's name as a reader needs it, from the county down (铁岭县新台子镇懿路村; a city by its own name), so a
    /// page never shows a division's code.
    /// </summary>
    Task<IReadOnlyDictionary<string, string>> DivisionNamesAsync(CancellationToken cancellationToken);

    Task<IReadOnlyList<HallInfo>> ListHallsAsync(CancellationToken cancellationToken);

    /// <summary>A hall by its slug (one row, for what runs per ticket); null for no such hall.</summary>
    Task<HallInfo?> FindHallAsync(string slug, CancellationToken cancellationToken);

    /// <summary>The windows of a hall by its slug, ordered by number; empty for no such hall.</summary>
    Task<IReadOnlyList<WindowInfo>> ListWindowsAsync(string hallSlug, CancellationToken cancellationToken);

    /// <summary>Every township and village station (驿站, 便民服务站).</summary>
    Task<IReadOnlyList<StationInfo>> ListStationsAsync(CancellationToken cancellationToken);
}
