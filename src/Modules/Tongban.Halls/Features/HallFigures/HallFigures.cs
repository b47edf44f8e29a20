using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Tongban.Halls.Contracts;
using Tongban.Halls.Data;
using Tongban.Halls.Domain;
using Tongban.Kernel.Time;

namespace Tongban.Halls.Features.HallFigures;

/// <summary>
/// <see cref="IHallFigures"/>: tickets and appointments counted in the database by hall and month (grouped counts);
/// the waiting times are the called tickets' issue and first-call instants of the period, summed here (two columns a
/// ticket: a month of a city's halls is some hundred thousand pairs).
/// </summary>
internal sealed class HallFigures(HallsDbContext db, RegionClock clock) : IHallFigures
{
    public async Task<IReadOnlyList<HallMonthFigures>> MonthlyAsync(DateOnly from, DateOnly to, Guid? hallId, CancellationToken cancellationToken)
    {
        var tickets = db.Tickets.AsNoTracking().Where(t => t.Day >= from && t.Day <= to && (hallId == null || t.HallId == hallId));
        var taken = await tickets.GroupBy(t => new { t.HallId, t.Day.Year, t.Day.Month })
            .Select(g => new { g.Key.HallId, g.Key.Year, g.Key.Month, Count = g.LongCount() }).ToListAsync(cancellationToken);
        var waits = await tickets.Where(t => t.FirstCalledAt != null)
            .Select(t => new { t.HallId, t.Day, t.IssuedAt, FirstCalledAt = t.FirstCalledAt!.Value }).ToListAsync(cancellationToken);
        var now = clock.UtcNow;
        var appointments = await db.Appointments.AsNoTracking()
            .Where(a => a.Day >= from && a.Day <= to && (hallId == null || a.HallId == hallId)
                && (a.Status == AppointmentStatus.CheckedIn || (a.Status == AppointmentStatus.Booked && a.EndsAt <= now)))
            .GroupBy(a => new { a.HallId, a.Day.Year, a.Day.Month, CheckedIn = a.Status == AppointmentStatus.CheckedIn })
            .Select(g => new { g.Key.HallId, g.Key.Year, g.Key.Month, g.Key.CheckedIn, Count = g.LongCount() }).ToListAsync(cancellationToken);

        var keys = taken.Select(t => (t.HallId, t.Year, t.Month)).Concat(appointments.Select(a => (a.HallId, a.Year, a.Month))).Distinct()
            .OrderBy(k => k.Year).ThenBy(k => k.Month).ThenBy(k => k.HallId);
        return [.. keys.Select(k =>
        {
            var called = waits.Where(w => w.HallId == k.HallId && w.Day.Year == k.Year && w.Day.Month == k.Month).ToList();
            var due = appointments.Where(a => (a.HallId, a.Year, a.Month) == k).ToList();
            return new HallMonthFigures(new DateOnly(k.Year, k.Month, 1).ToString("yyyy-MM", CultureInfo.InvariantCulture), k.HallId,
                taken.Where(t => (t.HallId, t.Year, t.Month) == k).Sum(t => t.Count), called.Count,
                called.Sum(w => (long)Math.Max(0, (w.FirstCalledAt - w.IssuedAt).TotalSeconds)),
                due.Sum(a => a.Count), due.Where(a => a.CheckedIn).Sum(a => a.Count));
        })];
    }
}
