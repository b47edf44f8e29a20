using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Tongban.Halls.Data;
using Tongban.Halls.Domain;
using Tongban.Identity.Contracts;
using Tongban.Kernel.Errors;
using Tongban.Kernel.Identifiers;
using Tongban.Kernel.Outbox;
using Tongban.Kernel.PersonalData;
using Tongban.Kernel.Time;

namespace Tongban.Halls.Features.TakeTicket;

/// <summary>
/// 到号提醒 for a walk-in ticket: its holder may give a mobile number, with the ticket (the kiosk API) or on the ticket's
/// page right after taking it (the page carries a proof of the taking, valid <see cref="ProofLifetime"/>: a number looked
/// up later cannot be given someone's phone), and is texted once when <see cref="CallTickets.Calling.AheadToTell"/> are
/// ahead. The number is sealed at rest, used for this ticket only and forgotten once texted, once the ticket is called,
/// or after its day; one number waits on at most <see cref="MostPerPhone"/> tickets of a hall at once, so the kiosk
/// cannot be made to text a stranger over and over.
/// </summary>
internal sealed class TicketReminders(HallsDbContext db, HallPlaces halls, IDataProtectionProvider protection, ISmsSender sms, RegionClock clock)
{
    public static readonly TimeSpan ProofLifetime = TimeSpan.FromMinutes(15);
    public const int MostPerPhone = 3;

    /// <summary>The number's blind index: what a query asks "is a number set?" of (the sealed column is never compared).</summary>
    public const string Index = nameof(Ticket.ReminderPhone) + PersonalDataModel.IndexSuffix;

    /// <summary>Offered only where texts can go out (a gateway is plugged in).</summary>
    public bool Offered => sms.CanSend;

    private ITimeLimitedDataProtector Protector => protection.CreateProtector("Tongban.Halls.TicketReminder").ToTimeLimitedDataProtector();

    /// <summary>The proof that this browser took <paramref name="ticket"/> a moment ago (the ticket page's <c>taken</c>).</summary>
    public string ProofFor(TicketId ticket) => Protector.Protect(ticket.Value.ToString("N"), ProofLifetime);

    public bool Proves(string? proof, TicketId ticket)
    {
        if (string.IsNullOrEmpty(proof)) return false;
        try
        {
            return Protector.Unprotect(proof) == ticket.Value.ToString("N");
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return false; // expired, forged or of another key
        }
    }

    /// <summary>Sets the reminder on the ticket the page was given after taking it (a number set before is replaced).</summary>
    public async Task SetAsync(string hallSlug, string typedNumber, string? proof, string? phone, CancellationToken ct)
    {
        var hall = await halls.HallAsync(hallSlug, ct);
        var number = TicketQueries.Normalise(typedNumber) ?? throw HallErrors.TicketNotFound();
        var today = clock.Today;
        var ticket = await db.Tickets.FirstOrDefaultAsync(t => t.HallId == hall.Id && t.Day == today && t.Number == number, ct) ?? throw HallErrors.TicketNotFound();
        if (!Proves(proof, ticket.Id))
            throw new DomainException(new DomainError("ticket.reminder_proof", "到号提醒只能在取号后当场设置（15分钟内），请在取号机上重新取号时设置",
                "A reminder can only be set right after taking the ticket (within 15 minutes); take a new ticket at the kiosk to set one", ErrorKind.Conflict));
        ticket.RemindBy(await CheckAsync(hall.Id, phone, ct));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The typed number, checked: a mobile number, texts available, not already waiting on too many tickets of the hall.</summary>
    public async Task<string> CheckAsync(Guid hallId, string? phone, CancellationToken ct)
    {
        var number = MobilePhone.Normalize(phone)
            ?? throw HallErrors.Invalid("ticket.reminder_phone", "请填写11位手机号码", "Give an 11-digit mobile number", "phone");
        if (!Offered)
            throw HallErrors.Conflict("ticket.reminder_unavailable", "本平台尚未开通短信，暂不能设置到号提醒", "Text messages are not available here, so no reminder can be set");
        var today = clock.Today;
        var waiting = await db.Tickets.WhereMatches(t => t.ReminderPhone, number).CountAsync(t => t.HallId == hallId && t.Day == today && t.Status == TicketStatus.Waiting, ct);
        if (waiting >= MostPerPhone)
            throw HallErrors.Conflict("ticket.reminder_many", $"这个手机号已为本大厅{MostPerPhone}张等候中的号票设置了提醒", $"This number is already set on {MostPerPhone} waiting tickets of this hall");
        return number;
    }

    /// <summary>Forgets the numbers of tickets of past days that were never called (the hall closed, the holder left).</summary>
    public Task<int> ForgetPastAsync(CancellationToken ct)
    {
        var today = clock.Today;
        return Forget(db.Tickets.Where(t => t.Day < today && EF.Property<string?>(t, Index) != null), ct);
    }

    /// <summary>Clears the number and its blind index (an update in the database: no ticket's revision is raced).</summary>
    public static Task<int> Forget(IQueryable<Ticket> tickets, CancellationToken ct) =>
        tickets.ExecuteUpdateAsync(s => s.SetProperty(t => t.ReminderPhone, (string?)null)
            .SetProperty(t => EF.Property<string?>(t, Index), (string?)null), ct);
}

/// <summary>前面还有3人 for a walk-in ticket with a reminder, published by the call that brought it there; texted by <see cref="TicketReminderText"/>.</summary>
internal sealed record TicketThreeAhead(Guid Ticket, string Chinese, string English)
{
    public const string MessageType = "halls.ticket_three_ahead";
}

/// <summary>
/// Texts a <see cref="TicketThreeAhead"/> to the ticket's number and forgets the number (at least once: a send that fails
/// is retried by the outbox; a ticket called meanwhile has no number left and is not texted).
/// </summary>
internal sealed class TicketReminderText(HallsDbContext db, ISmsSender sms, ILogger<TicketReminderText> logger) : IOutboxHandler
{
    public string MessageType => TicketThreeAhead.MessageType;

    public async Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var due = message.Read<TicketThreeAhead>();
        var id = TicketId.From(due.Ticket);
        var phone = await db.Tickets.AsNoTracking().Where(t => t.Id == id && t.Status == TicketStatus.Waiting).Select(t => t.ReminderPhone).FirstOrDefaultAsync(cancellationToken);
        if (phone is null) return;
        await sms.SendAsync(phone, $"【通办】{due.Chinese} {due.English}", cancellationToken);
        await TicketReminders.Forget(db.Tickets.Where(t => t.Id == id), cancellationToken);
        logger.LogInformation("Ticket reminder texted for ticket {Ticket}", due.Ticket);
    }
}
