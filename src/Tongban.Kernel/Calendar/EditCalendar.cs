using Microsoft.EntityFrameworkCore;
using Tongban.Kernel.Audit;
using Tongban.Kernel.Data;
using Tongban.Kernel.Errors;
using Tongban.Kernel.Outbox;

namespace Tongban.Kernel.Calendar;

/// <summary>An administrator marks a date as holiday or adjusted working day, or removes the mark.</summary>
public sealed class EditCalendar(KernelDbContext db, ChangeSignals signals, TimeProvider clock)
{
    public async Task SetAsync(string actor, DateOnly date, CalendarDayKind kind, string name, string? nameEn, CancellationToken ct)
    {
        var day = CalendarDay.Create(date, kind, name, nameEn);
        var existing = await db.CalendarDays.SingleOrDefaultAsync(d => d.Date == date, ct);
        if (existing is not null) db.CalendarDays.Remove(existing);
        db.CalendarDays.Add(day);
        db.Audit(new AuditRecord(actor, "calendar.day_set", $"calendar:{date:yyyy-MM-dd}", $"{kind} {day.Name}", clock.GetUtcNow()));
        await db.SaveChangesAsync(ct);
        await signals.AnnounceAsync(ChangeTopics.Calendar, ct);
    }

    public async Task RemoveAsync(string actor, DateOnly date, CancellationToken ct)
    {
        var existing = await db.CalendarDays.SingleOrDefaultAsync(d => d.Date == date, ct)
            ?? throw new DomainException(DomainError.NotFound($"{date:yyyy-MM-dd}的日历设置", $"A calendar entry for {date:yyyy-MM-dd}"));
        db.CalendarDays.Remove(existing);
        db.Audit(new AuditRecord(actor, "calendar.day_removed", $"calendar:{date:yyyy-MM-dd}", null, clock.GetUtcNow()));
        await db.SaveChangesAsync(ct);
        await signals.AnnounceAsync(ChangeTopics.Calendar, ct);
    }
}
