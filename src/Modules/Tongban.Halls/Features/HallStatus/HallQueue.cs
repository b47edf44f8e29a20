using Microsoft.EntityFrameworkCore;
using Tongban.Halls.Data;
using Tongban.Halls.Domain;
using Tongban.Kernel.Time;

namespace Tongban.Halls.Features.HallStatus;

internal sealed record CategoryLine(string Letter, string Name, string? NameEn, IReadOnlyList<string> Windows, int Waiting);

internal sealed record CallLine(string Number, string Window, DateTimeOffset At, int Calls);

/// <summary>
/// A hall's queue today: per category the people waiting, the latest calls, the open windows and the average wait (from
/// taking the ticket to its first call) of the tickets called today. What the kiosk, the screen, the hall page and the
/// API read.
/// </summary>
internal sealed record HallNow(IReadOnlyList<CategoryLine> Categories, IReadOnlyList<CallLine> Calls, int OpenWindows, double? AverageWaitMinutes, int ServedToday);

internal sealed class HallQueue(HallsDbContext db, RegionClock clock)
{
    public async Task<IReadOnlyList<CategoryLine>> CategoriesAsync(Guid hallId, CancellationToken ct)
    {
        var today = clock.Today;
        var waiting = await db.Tickets.AsNoTracking().Where(t => t.HallId == hallId && t.Day == today && t.Status == TicketStatus.Waiting)
            .GroupBy(t => t.CategoryId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var categories = await db.Categories.AsNoTracking().Where(c => c.HallId == hallId).OrderBy(c => c.Letter).ToListAsync(ct);
        return [.. categories.Select(c => new CategoryLine(c.Letter, c.Name, c.NameEn, c.Windows, waiting.GetValueOrDefault(c.Id)))];
    }

    public async Task<HallNow> NowAsync(Guid hallId, int calls, CancellationToken ct)
    {
        var today = clock.Today;
        var tickets = db.Tickets.AsNoTracking().Where(t => t.HallId == hallId && t.Day == today);
        var latest = await tickets.Where(t => t.CalledAt != null && t.Window != null).OrderByDescending(t => t.CalledAt).Take(calls)
            .Select(t => new CallLine(t.Number, t.Window!, t.CalledAt!.Value, t.Calls)).ToListAsync(ct);
        // Waits are averaged here rather than in SQL: SQLite keeps instants as ticks, PostgreSQL as timestamps.
        var waits = await tickets.Where(t => t.FirstCalledAt != null).Select(t => new { t.IssuedAt, Called = t.FirstCalledAt!.Value }).ToListAsync(ct);
        var served = await tickets.CountAsync(t => t.Status == TicketStatus.Served, ct);
        var desks = await db.Desks.AsNoTracking().Where(d => d.HallId == hallId && d.ClosedAt == null).Select(d => d.OpenedAt).ToListAsync(ct);
        var open = desks.Count(at => clock.DateAt(at) == today);
        double? average = waits.Count == 0 ? null : waits.Average(w => (w.Called - w.IssuedAt).TotalMinutes);
        return new HallNow(await CategoriesAsync(hallId, ct), latest, open, average, served);
    }
}
