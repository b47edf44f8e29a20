using Microsoft.EntityFrameworkCore;
using Tongban.Halls.Data;
using Tongban.Halls.Domain;
using Tongban.Kernel.Data;
using Tongban.Kernel.Time;
using Tongban.Organization.Contracts;

namespace Tongban.Halls.Features.TakeTicket;

/// <summary>
/// 取号: the next number of a category for today, in one transaction with the counter, so a number is never given twice
/// (the unique index on hall, day and number stands behind the counter).
/// </summary>
internal sealed class IssueTicket(HallsDbContext db, HallPlaces halls, TicketQueries queries, RegionClock clock, ChangeSignals signals, KioskSession session,
    TicketReminders reminders)
{
    /// <param name="reminderPhone">到号提醒 to this mobile number (checked before a number is taken); null or blank: none.</param>
    public async Task<TicketView> IssueAsync(string hallSlug, string letter, string? reminderPhone, CancellationToken ct)
    {
        var hall = await halls.HallAsync(hallSlug, ct);
        var category = await db.CategoryByLetterAsync(hall.Id, letter, ct)
            ?? throw HallErrors.Invalid("ticket.category_unknown", "本大厅没有这个业务类别，请重新选择", "This hall has no such business category; choose again", "category");
        await session.RequireServedAsync(hall, category, ct); // an appointment's check-in is not held to it: its slot was in a session
        var phone = string.IsNullOrWhiteSpace(reminderPhone) ? null : await reminders.CheckAsync(hall.Id, reminderPhone, ct);
        return await IssueAsync(hall, category, null, phone, ct);
    }

    /// <summary>
    /// A ticket of the category; with <paramref name="appointment"/>, a priority ticket for it, checked in by the same
    /// transaction (a refused check-in takes no number).
    /// </summary>
    public async Task<TicketView> IssueAsync(HallInfo hall, Category category, Action<string>? appointment, string? reminderPhone, CancellationToken ct)
    {
        var (day, now) = (clock.Today, clock.UtcNow);
        Ticket ticket;
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            var sequence = await db.NextAsync(TicketCounter.Name(hall.Id, day, category.Letter), ct);
            ticket = Ticket.Issue(hall.Id, day, category, sequence, now, priority: appointment is not null);
            appointment?.Invoke(ticket.Number);
            if (reminderPhone is not null) ticket.RemindBy(reminderPhone);
            db.Tickets.Add(ticket);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        await signals.AnnounceAsync(ChangeTopics.HallQueue, hall.Id.ToString(), ct);
        return await queries.ViewAsync(ticket, category, ct);
    }
}
