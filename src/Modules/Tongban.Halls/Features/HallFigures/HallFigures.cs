using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Tongban.Halls.Contracts;
using Tongban.Halls.Data;
using Tongban.Halls.Domain;
using Tongban.Kernel.Time;

namespace Tongban.Halls.Features.HallFigures;

/// <summary>
/// <see cref="IHallFigures"/>: tickets and appointments counted in the database by hall and month (grouped counts);
/// the waiting times summed in the database on PostgreSQL (the interval between the two instants, in seconds); on
/// SQLite, where instants are stored as encoded ticks, the called tickets' two instants are read and summed here (a
/// single-hall or small deployment).
/// </summary>
internal sealed class HallFigures(HallsDbContext db, RegionClock clock) : IHallFigures
{
    private sealed record Waits(Guid HallId, int Year, int Month, long Called, double Seconds);

    public async Task<IReadOnlyList<HallMonthFigures>> MonthlyAsync(DateOnly from, DateOnly to, Guid? hallId, CancellationToken cancellationToken)
    {
        var tickets = db.Tickets.AsNoTracking().Where(t => t.Day >= from && t.Day <= to && (hallId == null || t.HallId == hallId));
        var taken = await tickets.GroupBy(t => new { t.HallId, t.Day.Year, t.Day.Month })
            .Select(g => new { g.Key.HallId, g.Key.Year, g.Key.Month, Count = g.LongCount() }).ToListAsync(cancellationToken);
        var called = tickets.Where(t => t.FirstCalledAt != null);
        var waits = db.Database.IsNpgsql()
            ? await called.GroupBy(t => new { t.HallId, t.Day.Year, t.Day.Month })
                .Select(g => new Waits(g.Key.HallId, g.Key.Year, g.Key.Month, g.LongCount(), g.Sum(t => (t.FirstCalledAt!.Value - t.IssuedAt).TotalSeconds)))
                .ToListAsync(cancellationToken)
            : [.. (await called.Select(t => new { t.HallId, t.Day, t.IssuedAt, FirstCalledAt = t.FirstCalledAt!.Value }).ToListAsync(cancellationToken))
                .GroupBy(t => (t.HallId, t.Day.Year, t.Day.Month))
                .Select(g => new Waits(g.Key.HallId, g.Key.Year, g.Key.Month, g.LongCount(), g.Sum(t => (t.FirstCalledAt - t.IssuedAt).TotalSeconds)))];
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
            var wait = waits.FirstOrDefault(w => (w.HallId, w.Year, w.Month) == k);
            var due = appointments.Where(a => (a.HallId, a.Year, a.Month) == k).ToList();
            return new HallMonthFigures(new DateOnly(k.Year, k.Month, 1).ToString("yyyy-MM", CultureInfo.InvariantCulture), k.HallId,
                taken.Where(t => (t.HallId, t.Year, t.Month) == k).Sum(t => t.Count), wait?.Called ?? 0,
                (long)Math.Max(0, Math.Round(wait?.Seconds ?? 0)),
                due.Sum(a => a.Count), due.Where(a => a.CheckedIn).Sum(a => a.Count));
        })];
    }
}
