using Microsoft.EntityFrameworkCore;
using Tongban.Halls.Data;
using Tongban.Halls.Domain;
using Tongban.Kernel.Time;

namespace Tongban.Halls.Features.TakeTicket;

/// <summary>A ticket as its holder reads it: number, category, where it stands, how many are ahead, when it was taken (local time).</summary>
internal sealed record TicketView(string Number, string Category, string? CategoryEn, TicketStatus Status, int Ahead, string? Window, DateTimeOffset IssuedAt)
{
    public (string Zh, string En) StatusText => TicketTexts.Status(Status);

    public TicketId Id { get; init; }

    /// <summary>A checked-in appointment's ticket (预约优先).</summary>
    public bool Priority { get; init; }

    /// <summary>到号提醒 set: a number waits to be texted (never the number itself).</summary>
    public bool Reminder { get; init; }
}

internal sealed class TicketQueries(HallsDbContext db, RegionClock clock)
{
    /// <summary>Today's ticket of a hall by its number (A012, a012 and A12 alike); null when there is none.</summary>
    public Task<TicketView?> TodayAsync(Guid hallId, string typed, CancellationToken ct) =>
        Normalise(typed) is { } number ? ViewAsync(hallId, number, clock.Today, ct) : Task.FromResult<TicketView?>(null);

    public async Task<TicketView?> ViewAsync(Guid hallId, string number, DateOnly day, CancellationToken ct)
    {
        var found = await (from t in db.Tickets.AsNoTracking()
                           join c in db.Categories.AsNoTracking() on t.CategoryId equals c.Id
                           where t.HallId == hallId && t.Day == day && t.Number == number
                           select new { t.Id, t.CategoryId, t.IssuedAt, t.Sequence, t.Status, t.Window, t.Priority, Reminder = EF.Property<string?>(t, TicketReminders.Index) != null, c.Name, c.NameEn }).FirstOrDefaultAsync(ct);
        if (found is null) return null;
        var ahead = found.Status != TicketStatus.Waiting ? 0 : await AheadAsync(hallId, day, found.CategoryId, found.Priority, found.IssuedAt, found.Sequence, ct);
        return new TicketView(number, found.Name, found.NameEn, found.Status, ahead, found.Window, found.IssuedAt) { Id = found.Id, Priority = found.Priority, Reminder = found.Reminder };
    }

    /// <summary>A ticket just issued, as its holder reads it: nothing to read again but how many are ahead.</summary>
    public async Task<TicketView> ViewAsync(Ticket ticket, Category category, CancellationToken ct) =>
        new(ticket.Number, category.Name, category.NameEn, ticket.Status,
            await AheadAsync(ticket.HallId, ticket.Day, ticket.CategoryId, ticket.Priority, ticket.IssuedAt, ticket.Sequence, ct), ticket.Window, ticket.IssuedAt)
        { Id = ticket.Id, Priority = ticket.Priority, Reminder = ticket.ReminderPhone is not null };

    /// <summary>The waiting tickets of the category called before this one: priority first, then by when taken.</summary>
    private Task<int> AheadAsync(Guid hallId, DateOnly day, CategoryId category, bool priority, DateTimeOffset issuedAt, int sequence, CancellationToken ct) =>
        db.Tickets.CountAsync(t => t.HallId == hallId && t.Day == day && t.CategoryId == category && t.Status == TicketStatus.Waiting
            && ((t.Priority && !priority) || (t.Priority == priority && (t.IssuedAt < issuedAt || (t.IssuedAt == issuedAt && t.Sequence < sequence)))), ct);

    /// <summary>A typed number as the ticket prints it: one letter and at least three digits; null for anything else.</summary>
    public static string? Normalise(string? typed)
    {
        var text = (typed ?? "").Trim().ToUpperInvariant();
        if (text.Length is < 2 or > 7 || text[0] is < 'A' or > 'Z' || !text[1..].All(char.IsAsciiDigit)) return null;
        return int.TryParse(text[1..], out var n) && n > 0 ? $"{text[0]}{n:000}" : null;
    }
}
