using Microsoft.EntityFrameworkCore;
using Tongban.Kernel.Calendar;
using Tongban.Kernel.Time;
using Tongban.Organization.Contracts;
using Tongban.Organization.Data;
using Tongban.Organization.Domain;

namespace Tongban.Organization.Features.BrowseHalls;

internal enum OpenState
{
    OpenNow,
    OpensLaterToday,
    ClosedForToday,
    ClosedNonWorkingDay,
}

/// <summary>
/// Whether a hall is open, from its hours, its extra sessions (延时服务, 周末不打烊) and the working-day calendar, in the
/// region's local time: the session it is in now (<see cref="Session"/>, until <see cref="Until"/>), or when it opens
/// later today (<see cref="OpensAt"/>), and otherwise its next day with a session (<see cref="NextOpenDay"/> at
/// <see cref="NextOpensAt"/>, within a year).
/// </summary>
internal sealed record HallOpenStatus(
    OpenState State, DateOnly Today, bool TodayIsWorkingDay, DateOnly NextWorkingDay,
    HallSessionKind? Session = null, TimeOnly? Until = null, TimeOnly? OpensAt = null, HallSessionKind? OpensWith = null,
    DateOnly? NextOpenDay = null, TimeOnly? NextOpensAt = null);

internal sealed record HallCard(string Slug, string Name, string? NameEn, string Address, string? AddressEn, string DivisionName, IReadOnlyList<OpeningSession> Hours, IReadOnlyList<ExtraSession> ExtraSessions, HallOpenStatus Status);

internal sealed record WindowView(Guid Id, string Number, string Name, string? NameEn, string DepartmentName, string? DepartmentNameEn);

internal sealed record HallView(string Slug, HallProfile Profile, string DivisionName, IReadOnlyList<WindowView> Windows, IReadOnlyList<ExtraSession> ExtraSessions, HallOpenStatus Status);

internal sealed class HallQueries(OrganizationDbContext db, CalendarStore calendars, RegionClock clock)
{
    public async Task<IReadOnlyList<HallCard>> ListAsync(CancellationToken ct)
    {
        var halls = await db.Halls.AsNoTracking().OrderBy(h => h.DivisionCode).ThenBy(h => h.Name).ToListAsync(ct);
        var names = await DivisionNamesAsync(halls.Select(h => h.DivisionCode), ct);
        var calendar = await calendars.GetAsync(ct);
        return halls.Select(h => new HallCard(h.Slug, h.Name, h.NameEn, h.Address, h.AddressEn, names.GetValueOrDefault(h.DivisionCode, ""), h.OpeningHours, h.ExtraSessions, StatusOf(h, calendar))).ToList();
    }

    public async Task<HallView?> GetAsync(string slug, CancellationToken ct)
    {
        var hall = await db.Halls.AsNoTracking().SingleOrDefaultAsync(h => h.Slug == slug, ct);
        if (hall is null) return null;
        var windows = await (from w in db.Windows.AsNoTracking()
                             join d in db.Departments.AsNoTracking() on w.DepartmentId equals d.Id
                             where w.HallId == hall.Id
                             orderby w.Number
                             select new { w.Id, w.Number, w.Name, w.NameEn, Department = d.Name, DepartmentEn = d.NameEn }).ToListAsync(ct);
        var names = await DivisionNamesAsync([hall.DivisionCode], ct);
        var calendar = await calendars.GetAsync(ct);
        return new HallView(hall.Slug, hall.Profile, names.GetValueOrDefault(hall.DivisionCode, ""),
            windows.Select(w => new WindowView(w.Id.Value, w.Number, w.Name, w.NameEn, w.Department, w.DepartmentEn)).ToList(),
            hall.ExtraSessions, StatusOf(hall, calendar));
    }

    private HallOpenStatus StatusOf(Hall hall, WorkingDayCalendar calendar) =>
        Status(hall, calendar, DateOnly.FromDateTime(clock.LocalNow.DateTime), TimeOnly.FromDateTime(clock.LocalNow.DateTime));

    /// <summary>The status at a local date and time; the same rule the slots of appointments follow (<see cref="HallInfo.SessionsOn"/>).</summary>
    internal static HallOpenStatus Status(Hall hall, WorkingDayCalendar calendar, DateOnly today, TimeOnly time)
    {
        var working = calendar.IsWorkingDay(today);
        var next = calendar.NextWorkingDay(today.AddDays(1));
        var info = hall.Info();
        var sessions = info.SessionsOn(today, calendar);
        var (nextDay, nextAt) = (default(DateOnly?), default(TimeOnly?));
        for (var day = today.AddDays(1); day <= today.AddDays(366); day = day.AddDays(1))
            if (info.SessionsOn(day, calendar) is [var first, ..])
            {
                (nextDay, nextAt) = (day, first.From);
                break;
            }
        if (sessions.FirstOrDefault(s => s.From <= time && time < s.To) is { } now)
            return new HallOpenStatus(OpenState.OpenNow, today, working, next, now.Kind, now.To, NextOpenDay: nextDay, NextOpensAt: nextAt);
        if (sessions.FirstOrDefault(s => s.From > time) is { } later)
            return new HallOpenStatus(OpenState.OpensLaterToday, today, working, next, OpensAt: later.From, OpensWith: later.Kind, NextOpenDay: nextDay, NextOpensAt: nextAt);
        return new HallOpenStatus(working || sessions.Count > 0 ? OpenState.ClosedForToday : OpenState.ClosedNonWorkingDay, today, working, next, NextOpenDay: nextDay, NextOpensAt: nextAt);
    }

    private async Task<Dictionary<string, string>> DivisionNamesAsync(IEnumerable<string> codes, CancellationToken ct)
    {
        var wanted = codes.Distinct().ToList();
        return await db.Divisions.AsNoTracking().Where(d => wanted.Contains(d.Code)).ToDictionaryAsync(d => d.Code, d => d.Name, ct);
    }
}
