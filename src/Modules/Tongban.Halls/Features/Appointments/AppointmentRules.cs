using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tongban.Halls.Data;
using Tongban.Halls.Domain;
using Tongban.Identity.Contracts;
using Tongban.Kernel.Errors;
using Tongban.Kernel.Time;

namespace Tongban.Halls.Features.Appointments;

/// <summary>The look-ups and refusals booking, moving, cancelling and checking in share.</summary>
/// <summary>Who acts on an appointment: the holder, or an agent the holder authorised (代办) — both named in the audit.</summary>
internal sealed record AppointmentActor(Guid Holder, Guid? Agent)
{
    public string Audit => Agent is { } agent ? $"user:{agent} for user:{Holder}" : $"user:{Holder}"; // as Actor.OnBehalfOf writes it
}

internal sealed class AppointmentRules(HallsDbContext db, RegionClock clock, IOptions<HallsOptions> options, IProxyAuthorisations proxies)
{
    public async Task<Category> CategoryAsync(HallPlace hall, string? letter, CancellationToken ct) =>
        await db.CategoryByLetterAsync(hall.Id, letter, ct)
            ?? throw HallErrors.Invalid("appointment.category_unknown", "本大厅没有这个业务类别，请重新选择", "This hall has no such business category; choose again", "category");

    /// <summary>The holder's own appointment at the hall by its code; anyone else's (or none) is not found, alike.</summary>
    public async Task<Appointment> MineAsync(Guid holder, HallPlace hall, string? code, CancellationToken ct, bool tracked = false) =>
        (await AccessAsync(holder, hall, code, ct, tracked)).Appointment;

    /// <summary>
    /// An appointment at the hall by its code, for its holder or for the agent who booked it for them — the agent only
    /// while the holder's authorisation for its item is in force (403 otherwise); anyone else's (or none) is not found.
    /// </summary>
    public async Task<(Appointment Appointment, AppointmentActor Actor)> AccessAsync(Guid account, HallPlace hall, string? code, CancellationToken ct, bool tracked = false)
    {
        var typed = Appointment.Normalise(code);
        var query = tracked ? db.Appointments : db.Appointments.AsNoTracking();
        var found = (typed is null ? null : await query.FirstOrDefaultAsync(a => a.Code == typed && a.HallId == hall.Id && (a.HolderId == account || a.BookedBy == account), ct))
            ?? throw NotFound();
        if (found.HolderId == account) return (found, new AppointmentActor(account, null));
        await RequireAuthorisedAsync(account, found.HolderId, found.ItemCode, ct);
        return (found, new AppointmentActor(found.HolderId, account));
    }

    /// <summary>
    /// Who books: the account itself, or with <paramref name="principal"/> the principal, for whom the account must hold
    /// an authorisation (代办授权, identity module) in force for the item named — without one, 403 and nothing written.
    /// </summary>
    public async Task<AppointmentActor> BookerAsync(Guid account, Guid? principal, string? item, CancellationToken ct)
    {
        if (principal is not { } holder || holder == account) return new AppointmentActor(account, null);
        if (holder == Guid.Empty) throw NoAuthorisation();
        await RequireAuthorisedAsync(account, holder, item, ct);
        return new AppointmentActor(holder, account);
    }

    private async Task RequireAuthorisedAsync(Guid agent, Guid principal, string? item, CancellationToken ct)
    {
        var code = (item ?? "").Trim();
        if (code.Length is 0 or > 64 || !code.All(char.IsAsciiLetterOrDigit) || await proxies.FindInForceAsync(agent, principal, code, ct) is null)
            throw NoAuthorisation();
    }

    public static DomainException NoAuthorisation() => new(new DomainError("appointment.no_authorisation",
        "委托人没有授权您代办该事项（或授权已过期、已撤销），不能代为预约；代为预约须填写委托人授权的事项编码",
        "The principal has not authorised you for that item (or the authorisation expired or was revoked), so you cannot book for them; booking for a principal needs the code of an item they authorised",
        ErrorKind.Forbidden, "item"));

    /// <summary>Refuses a holder past the no-show limit, and a second appointment overlapping one they hold.</summary>
    public async Task RequireMayBookAsync(Guid holder, Slot slot, AppointmentId? moving, CancellationToken ct)
    {
        var (now, settings) = (clock.UtcNow, options.Value.Appointments);
        var since = now - settings.NoShowPeriod;
        var missed = await db.Appointments.AsNoTracking()
            .Where(a => a.HolderId == holder && a.Status == AppointmentStatus.Booked && a.EndsAt <= now && a.EndsAt > since)
            .Select(a => a.EndsAt).ToListAsync(ct);
        if (settings.NoShowLimit > 0 && missed.Count >= settings.NoShowLimit)
        {
            var until = clock.DateAt(missed.Order().ElementAt(missed.Count - settings.NoShowLimit) + settings.NoShowPeriod);
            throw Barred(missed.Count, (int)settings.NoShowPeriod.TotalDays, until);
        }
        var overlaps = await db.Appointments.AsNoTracking().AnyAsync(a => a.HolderId == holder && a.Status == AppointmentStatus.Booked
            && a.StartsAt < slot.EndsAt && slot.StartsAt < a.EndsAt && (moving == null || a.Id != moving), ct);
        if (overlaps)
            throw HallErrors.Conflict("appointment.overlap", "您在这个时段已有预约，请先取消或改约原预约", "You already hold an appointment at this time; cancel or move it first");
    }

    /// <summary>Saves a change to one appointment; a change made meanwhile by another request (checked in, cancelled) is a conflict.</summary>
    public async Task SaveOnceAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw HallErrors.Conflict("appointment.changed", "该预约刚刚已有变动，请刷新后再试", "The appointment has just changed; refresh and try again");
        }
    }

    public static DateOnly Date(string? typed) =>
        DateOnly.TryParseExact((typed ?? "").Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day
            : throw HallErrors.Invalid("appointment.date", "请选择预约日期", "Choose a day", "date");

    public static DomainException DateOutOfRange() => HallErrors.Invalid("appointment.date_range", "请选择十年以内的日期", "Choose a day within ten years of today", "date");

    public static TimeOnly Time(string? typed) =>
        TimeOnly.TryParseExact((typed ?? "").Trim(), "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time
            : throw HallErrors.Invalid("appointment.time", "请选择预约时段", "Choose a slot", "time");

    public static DomainException NoSuchSlot() => HallErrors.Invalid("appointment.slot_unknown",
        "这个时段不可预约（已过、非办公时间或超出可预约天数），请重新选择", "That slot cannot be booked (past, outside the hall's hours, or too far ahead); choose another", "time");

    public static DomainException Full(Slot slot) => HallErrors.Conflict("appointment.slot_full",
        $"{slot.Day:yyyy-MM-dd} {slot.From:HH\\:mm}的时段已约满，请选择其他时段", $"The slot of {slot.Day:yyyy-MM-dd} {slot.From:HH\\:mm} is full; choose another");

    public static DomainException NotFound() => new(DomainError.NotFound("预约", "The appointment"));

    private static DomainException Barred(int missed, int days, DateOnly until) => new(new DomainError("appointment.barred",
        $"您在{days}天内有{missed}次预约未到，{until:yyyy年M月d日}前暂不能网上预约；仍可到大厅现场取号办理",
        $"You missed {missed} appointments within {days} days and cannot book online until {until:yyyy-MM-dd}; you can still take a ticket in the hall",
        ErrorKind.Forbidden));
}
