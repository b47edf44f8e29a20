using Tongban.Kernel.Errors;

namespace Tongban.Halls.Domain;

/// <summary>
/// A queue ticket (号票) taken at a hall's kiosk: a number per category and day (A012), called to a window, served or
/// skipped, transferred to another category or window, and rated once at the window.
/// </summary>
internal sealed class Ticket
{
    private Ticket() { }

    public TicketId Id { get; private set; }
    public Guid HallId { get; private set; }
    public DateOnly Day { get; private set; }
    public CategoryId CategoryId { get; private set; }
    public int Sequence { get; private set; }
    public string Number { get; private set; } = "";
    public DateTimeOffset IssuedAt { get; private set; }
    public TicketStatus Status { get; private set; }

    /// <summary>A ticket of a checked-in appointment: called before the walk-in tickets of its category (ADR 0016).</summary>
    public bool Priority { get; private set; }

    /// <summary>Only this window may call the ticket (after a transfer to a window); null: any window serving its category.</summary>
    public string? ForWindow { get; private set; }
    public string? Window { get; private set; }
    public DateTimeOffset? FirstCalledAt { get; private set; }
    public DateTimeOffset? CalledAt { get; private set; }
    public int Calls { get; private set; }
    public DateTimeOffset? FinishedAt { get; private set; }
    public string? CalledBy { get; private set; }
    public int Revision { get; private set; }

    /// <summary>
    /// 到号提醒: the mobile number a walk-in holder gave to be texted when <c>Calling.AheadToTell</c> are ahead — sealed at
    /// rest, and forgotten once texted, once called, or after its day (<c>TicketReminders</c>).
    /// </summary>
    public string? ReminderPhone { get; private set; }

    /// <param name="at">Kept to the microsecond, as PostgreSQL keeps it, so the ticket in hand orders as the stored one (who is ahead).</param>
    public static Ticket Issue(Guid hallId, DateOnly day, Category category, int sequence, DateTimeOffset at, bool priority = false) => new()
    {
        Id = TicketId.New(), HallId = hallId, Day = day, CategoryId = category.Id, Sequence = sequence,
        Number = $"{category.Letter}{sequence:000}", IssuedAt = new DateTimeOffset(at.UtcTicks - at.UtcTicks % 10, TimeSpan.Zero), Status = TicketStatus.Waiting,
        Priority = priority,
    };

    /// <summary>到号提醒 to <paramref name="phone"/> (checked by the caller): for a walk-in ticket still waiting; an appointment's holder is texted at their account's phone.</summary>
    public void RemindBy(string phone)
    {
        if (Status != TicketStatus.Waiting) throw NotWaiting();
        if (Priority)
            throw HallErrors.Conflict("ticket.reminder_appointment", "预约签到的号票会发到您账号的手机，无需另设提醒", "An appointment's ticket is texted to your account's phone; no reminder is needed");
        ReminderPhone = phone;
        Revision++;
    }

    public void Call(string window, string clerk, DateTimeOffset at)
    {
        if (Status != TicketStatus.Waiting) throw NotWaiting();
        (Status, Window, ForWindow, CalledBy, CalledAt, Calls, ReminderPhone) = (TicketStatus.Called, window, null, clerk, at, 1, null);
        FirstCalledAt ??= at;
        Revision++;
    }

    /// <summary>重呼: the holder did not come yet; the screen shows and speaks the call again.</summary>
    public void Recall(DateTimeOffset at)
    {
        RequireCalled();
        (CalledAt, Calls) = (at, Calls + 1);
        Revision++;
    }

    /// <summary>过号: the holder did not come; the ticket leaves the queue.</summary>
    public void Skip(DateTimeOffset at)
    {
        RequireCalled();
        (Status, FinishedAt) = (TicketStatus.Skipped, at);
        Revision++;
    }

    public void Finish(DateTimeOffset at)
    {
        RequireCalled();
        (Status, FinishedAt) = (TicketStatus.Served, at);
        Revision++;
    }

    /// <summary>转移: back into the queue, in its first place, for another category or only for another window.</summary>
    public void Transfer(Category? category, string? window)
    {
        RequireCalled();
        if (category is null == window is null)
            throw HallErrors.Invalid("calling.transfer_target", "请选择转到的窗口或业务类别（二选一）", "Choose either a window or a category to transfer to", "target");
        if (category is not null) CategoryId = category.Id;
        (Status, ForWindow, Window, CalledAt) = (TicketStatus.Waiting, window, null, null);
        Revision++;
    }

    private void RequireCalled()
    {
        if (Status != TicketStatus.Called)
            throw HallErrors.Conflict("calling.not_called", $"{Number}号当前不在办理中", $"Ticket {Number} is not being served now");
    }

    private DomainException NotWaiting() =>
        HallErrors.Conflict("calling.not_waiting", $"{Number}号已不在等候", $"Ticket {Number} is no longer waiting");
}
