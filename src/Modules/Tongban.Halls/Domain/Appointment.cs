using System.Security.Cryptography;
using Tongban.Kernel.Errors;

namespace Tongban.Halls.Domain;

/// <summary>
/// An appointment (预约) with a hall's business category for a slot of a day, held by an account: a short code to show at
/// the kiosk, a seat among the slot's places (the unique index on slot and seat is what keeps a full slot full), an item
/// when the holder named one. Cancelled or moved until the cut-off; checked in at the kiosk for a priority ticket. One
/// still booked after its slot has ended was a no-show.
/// </summary>
internal sealed class Appointment
{
    public const int CodeLength = 8;
    private const string CodeAlphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"; // no 0/O, 1/I/L: read out and typed at a kiosk

    private Appointment() { }

    public AppointmentId Id { get; private set; }
    public string Code { get; private set; } = "";
    public Guid HallId { get; private set; }
    public CategoryId CategoryId { get; private set; }
    public Guid HolderId { get; private set; }

    /// <summary>The agent who booked it for the holder (代办预约, under the holder's proxy authorisation); null when the holder booked.</summary>
    public Guid? BookedBy { get; private set; }
    public string? ItemCode { get; private set; }
    public string? ItemName { get; private set; }
    public DateOnly Day { get; private set; }
    public TimeOnly From { get; private set; }
    public TimeOnly To { get; private set; }
    public DateTimeOffset StartsAt { get; private set; }
    public DateTimeOffset EndsAt { get; private set; }
    public int? Seat { get; private set; }
    public AppointmentStatus Status { get; private set; }
    public DateTimeOffset BookedAt { get; private set; }
    public DateTimeOffset? CancelledAt { get; private set; }
    public DateTimeOffset? CheckedInAt { get; private set; }
    public string? TicketNumber { get; private set; }

    /// <summary>When the reminder of the day before was published (once; a second instance's attempt is a concurrency conflict).</summary>
    public DateTimeOffset? RemindedAt { get; private set; }

    public static Appointment Book(Slot slot, int seat, Guid holder, string? itemCode, string? itemName, DateTimeOffset at, Guid? bookedBy = null)
    {
        var appointment = new Appointment
        {
            Id = AppointmentId.New(), Code = NewCode(), HallId = slot.HallId, CategoryId = slot.CategoryId, HolderId = holder, BookedBy = bookedBy == holder ? null : bookedBy,
            ItemCode = itemCode, ItemName = itemName, Status = AppointmentStatus.Booked, BookedAt = at,
        };
        appointment.Place(slot, seat);
        return appointment;
    }

    /// <summary>一次改约: to another slot of the same category, until the cut-off before the present one.</summary>
    public void MoveTo(Slot slot, int seat, DateTimeOffset now, TimeSpan cutOff)
    {
        RequireChangeable(now, cutOff);
        if (slot.CategoryId != CategoryId || slot.HallId != HallId)
            throw HallErrors.Invalid("appointment.move_category", "改约只能改到同一业务类别的其他时段", "An appointment moves to another slot of the same business category", "time");
        Place(slot, seat);
    }

    public void Cancel(DateTimeOffset now, TimeSpan cutOff)
    {
        RequireChangeable(now, cutOff);
        (Status, Seat, CancelledAt) = (AppointmentStatus.Cancelled, null, now);
    }

    /// <summary>签到 at the kiosk: on the slot's day, from <paramref name="early"/> before it starts until it ends.</summary>
    public void CheckIn(string ticketNumber, DateTimeOffset now, TimeSpan early)
    {
        if (Status != AppointmentStatus.Booked) throw NotBooked();
        if (now < StartsAt - early || now >= EndsAt)
            throw HallErrors.Conflict("appointment.check_in_time", $"预约时段为{Day:yyyy-MM-dd} {From:HH\\:mm}–{To:HH\\:mm}，可在开始前{early.TotalMinutes:0}分钟至结束前签到",
                $"The appointment is for {Day:yyyy-MM-dd} {From:HH\\:mm}–{To:HH\\:mm}; check in from {early.TotalMinutes:0} minutes before it starts until it ends");
        (Status, CheckedInAt, TicketNumber) = (AppointmentStatus.CheckedIn, now, ticketNumber);
    }

    public void Remind(DateTimeOffset at) => RemindedAt ??= at;

    public bool IsNoShow(DateTimeOffset now) => Status == AppointmentStatus.Booked && EndsAt <= now;

    public AppointmentState StateAt(DateTimeOffset now) => IsNoShow(now) ? AppointmentState.Missed : (AppointmentState)Status;

    /// <summary>Whether a typed code could be one (checked before any look-up); the code as stored, or null.</summary>
    public static string? Normalise(string? typed)
    {
        var text = (typed ?? "").Trim().Replace("-", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        return text.Length == CodeLength && text.All(c => CodeAlphabet.Contains(c, StringComparison.Ordinal)) ? text : null;
    }

    private void Place(Slot slot, int seat) =>
        (Day, From, To, StartsAt, EndsAt, Seat) = (slot.Day, slot.From, slot.To, slot.StartsAt, slot.EndsAt, seat);

    private void RequireChangeable(DateTimeOffset now, TimeSpan cutOff)
    {
        if (Status != AppointmentStatus.Booked) throw NotBooked();
        if (now > StartsAt - cutOff)
            throw HallErrors.Conflict("appointment.cut_off", $"距预约开始已不足{Hours(cutOff)}小时，不能再取消或改约；如不能前来，请致电大厅",
                $"The appointment starts in less than {Hours(cutOff)} hours and can no longer be cancelled or moved; if you cannot come, call the hall");
    }

    private DomainException NotBooked() => HallErrors.Conflict("appointment.not_booked",
        Status == AppointmentStatus.Cancelled ? "该预约已取消" : "该预约已签到", Status == AppointmentStatus.Cancelled ? "The appointment was cancelled" : "The appointment is already checked in");

    private static string Hours(TimeSpan span) => span.TotalHours.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);

    private static string NewCode() => string.Create(CodeLength, 0, (chars, _) =>
    {
        for (var i = 0; i < chars.Length; i++) chars[i] = CodeAlphabet[RandomNumberGenerator.GetInt32(CodeAlphabet.Length)];
    });
}

/// <summary>A place in time a category offers: a day's slot in local time, its instants, and how many it takes.</summary>
/// <summary>A slot of a category; <see cref="Windows"/> names the windows serving in its session when that is an extra session (延时服务 / 周末不打烊), null for the hours (all).</summary>
internal sealed record Slot(Guid HallId, CategoryId CategoryId, DateOnly Day, TimeOnly From, TimeOnly To, DateTimeOffset StartsAt, DateTimeOffset EndsAt, int Capacity, IReadOnlyList<string>? Windows = null);
