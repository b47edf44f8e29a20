using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tongban.Halls.Data;
using Tongban.Halls.Domain;
using Tongban.Kernel.Calendar;
using Tongban.Kernel.Time;
using Tongban.Organization.Contracts;

namespace Tongban.Halls.Features.Appointments;

/// <summary>A slot as offered: its local times and how many places are still free.</summary>
internal sealed record SlotView(Slot Slot, int Free)
{
    public string From => Slot.From.ToString("HH\\:mm", System.Globalization.CultureInfo.InvariantCulture);
    public string To => Slot.To.ToString("HH\\:mm", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>
/// The slots a hall's category offers on a day: the hall's sessions on that day (its working-day hours on a working day
/// of the calendar — holidays have none, an adjusted working weekend day has them — and its extended and weekend
/// sessions), cut into slots of <c>Halls:Appointments:SlotLength</c>, each with its places (the windows serving the
/// category, or the hall's setting; in an extra session only its own windows).
/// </summary>
internal sealed class SlotPlanner(HallsDbContext db, CalendarStore calendars, RegionClock clock, IOptions<HallsOptions> options)
{
    private AppointmentOptions Settings => options.Value.Appointments;

    /// <summary>The days slots are offered on now: today and the next <c>DaysAhead</c> − 1 days that have sessions.</summary>
    public async Task<IReadOnlyList<DateOnly>> DaysAsync(HallPlace hall, CancellationToken ct)
    {
        var calendar = await calendars.GetAsync(ct);
        return [.. Enumerable.Range(0, Settings.DaysAhead).Select(clock.Today.AddDays).Where(d => SessionsOn(hall, d, calendar).Count > 0)];
    }

    public async Task<IReadOnlyList<SlotView>> ListAsync(HallPlace hall, Category category, DateOnly day, CancellationToken ct)
    {
        var calendar = await calendars.GetAsync(ct);
        var now = clock.UtcNow;
        var slots = Cut(hall, category, day, SessionsOn(hall, day, calendar)).Where(s => s.StartsAt > now).ToList();
        if (slots.Count == 0 || !Offered(day)) return [];
        var taken = await db.Appointments.AsNoTracking().Where(a => a.HallId == hall.Id && a.CategoryId == category.Id && a.Day == day && a.Seat != null)
            .GroupBy(a => a.From).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return [.. slots.Select(s => new SlotView(s, Math.Max(0, s.Capacity - taken.GetValueOrDefault(s.From))))];
    }

    /// <summary>The slot of a day starting at a time, if the category offers it now (not past, within the days ahead).</summary>
    public async Task<Slot?> FindAsync(HallPlace hall, Category category, DateOnly day, TimeOnly from, CancellationToken ct)
    {
        var calendar = await calendars.GetAsync(ct);
        var slot = Cut(hall, category, day, SessionsOn(hall, day, calendar)).FirstOrDefault(s => s.From == from);
        return slot is not null && slot.StartsAt > clock.UtcNow && Offered(day) ? slot : null;
    }

    private bool Offered(DateOnly day) => day >= clock.Today && day < clock.Today.AddDays(Settings.DaysAhead);

    /// <summary>
    /// The hall's sessions on a day (<see cref="HallInfo.SessionsOn"/>): its working-day hours on a working day, and its
    /// extended and weekend sessions (延时服务 / 周末不打烊) on the days they run — a weekend session on a statutory
    /// holiday only when it says so. Slots, check-in and the staff's list follow.
    /// </summary>
    private static IReadOnlyList<HallDaySession> SessionsOn(HallPlace hall, DateOnly day, WorkingDayCalendar calendar) =>
        hall.Hall.SessionsOn(day, calendar);

    /// <summary>
    /// Slots of each session. A slot's places: the windows serving the category × <c>PlacesPerWindow</c> (or the
    /// hall's <c>Places:{hall}.{letter}</c>); in an extra session only the category's windows that serve in it count,
    /// the setting being a ceiling, and a category none of them serves has no slots then.
    /// </summary>
    private IEnumerable<Slot> Cut(HallPlace hall, Category category, DateOnly day, IReadOnlyList<HallDaySession> sessions)
    {
        var length = Settings.SlotLength > TimeSpan.Zero ? Settings.SlotLength : TimeSpan.FromMinutes(30);
        int? set = Settings.Places.TryGetValue($"{hall.Hall.Slug}.{category.Letter}", out var value) ? value : null;
        foreach (var session in sessions.OrderBy(s => s.From))
        {
            var places = session.Windows is null
                ? set ?? category.Windows.Count * Settings.PlacesPerWindow
                : Math.Min(set ?? int.MaxValue, category.Windows.Count(session.Windows.Contains) * Settings.PlacesPerWindow);
            if (places <= 0) continue;
            for (var from = session.From; from.Add(length) <= session.To && from.Add(length) > from; from = from.Add(length))
                yield return new Slot(hall.Id, category.Id, day, from, from.Add(length), clock.At(day, from), clock.At(day, from.Add(length)), places, session.Windows);
        }
    }
}
