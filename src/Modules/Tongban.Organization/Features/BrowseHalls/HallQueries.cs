using Microsoft.EntityFrameworkCore;
using Tongban.Kernel.Calendar;
using Tongban.Kernel.Time;
using Tongban.Organization.Contracts;
using Tongban.Organization.Data;
using Tongban.Organization.Domain;

namespace Tongban.Organization.Features.BrowseHalls;

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

    /// <summary>The status at a local date and time (<see cref="HallInfo.StatusAt"/>, which the kiosk uses too); the same rule the slots of appointments follow.</summary>
    internal static HallOpenStatus Status(Hall hall, WorkingDayCalendar calendar, DateOnly today, TimeOnly time) => hall.Info().StatusAt(calendar, today, time);

    private async Task<Dictionary<string, string>> DivisionNamesAsync(IEnumerable<string> codes, CancellationToken ct)
    {
        var wanted = codes.Distinct().ToList();
        return await db.Divisions.AsNoTracking().Where(d => wanted.Contains(d.Code)).ToDictionaryAsync(d => d.Code, d => d.Name, ct);
    }
}
