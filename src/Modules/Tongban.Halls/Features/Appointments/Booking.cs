using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tongban.Catalog.Contracts;
using Tongban.Halls.Data;
using Tongban.Halls.Domain;
using Tongban.Kernel.Audit;
using Tongban.Kernel.Outbox;
using Tongban.Kernel.Time;

namespace Tongban.Halls.Features.Appointments;

/// <summary>What a holder asks for: a category (letter), a day and a slot's start (local), optionally a service item; an agent also names the principal (account) they book for.</summary>
internal sealed record BookRequest(string? Category, string? Date, string? Time, string? Item, Guid? Principal = null);

/// <summary>
/// 预约, 改约, 取消 for the holder. A slot's places are seats 1..capacity; a booking takes the lowest free seat, and the
/// unique index on slot and seat refuses a second holder of the same seat, who then looks again (and finds the slot
/// full when it is): two bookings of the last place at once leave exactly one.
/// </summary>
internal sealed class Booking(HallsDbContext db, HallPlaces halls, SlotPlanner slots, AppointmentRules rules, IServiceItems items, RegionClock clock, IOptions<HallsOptions> options)
{
    private const int Attempts = 8;

    /// <summary>Books for <paramref name="account"/>, or — with <see cref="BookRequest.Principal"/> — for a principal who authorised the account for the item (代办预约).</summary>
    public async Task<Appointment> BookAsync(Guid account, string hallSlug, BookRequest request, CancellationToken ct)
    {
        var hall = await halls.GetAsync(hallSlug, ct);
        var who = await rules.BookerAsync(account, request.Principal, request.Item, ct);
        var holder = who.Holder;
        var category = await rules.CategoryAsync(hall, request.Category, ct);
        var slot = await SlotAsync(hall, category, request.Date, request.Time, ct);
        var item = await ItemAsync(hall, category, slot, request.Item, ct);
        await rules.RequireMayBookAsync(holder, slot, null, ct);
        var code = await SeatAsync(slot, seat =>
        {
            var appointment = Appointment.Book(slot, seat, holder, item?.ImplementationCode, item?.Name, clock.UtcNow, who.Agent);
            db.Appointments.Add(appointment);
            db.Audit(new AuditRecord(who.Audit, "halls.appointment_booked", $"hall:{hall.Hall.Slug}/appointment:{appointment.Code}", null, clock.UtcNow));
            return Task.FromResult(appointment.Code);
        }, ct);
        return await db.Appointments.AsNoTracking().SingleAsync(a => a.Code == code, ct);
    }

    public async Task<Appointment> MoveAsync(Guid account, string hallSlug, string code, string? date, string? time, CancellationToken ct)
    {
        var hall = await halls.GetAsync(hallSlug, ct);
        var (current, who) = await rules.AccessAsync(account, hall, code, ct);
        var holder = who.Holder;
        var category = await db.Categories.AsNoTracking().SingleAsync(c => c.Id == current.CategoryId, ct);
        var slot = await SlotAsync(hall, category, date, time, ct);
        if (current.ItemCode is { } itemCode && slot.Windows is not null) await ItemAsync(hall, category, slot, itemCode, ct);
        await rules.RequireMayBookAsync(holder, slot, current.Id, ct);
        await SeatAsync(slot, async seat =>
        {
            var appointment = await db.Appointments.SingleAsync(a => a.Id == current.Id, ct);
            appointment.MoveTo(slot, seat, clock.UtcNow, options.Value.Appointments.CutOff);
            db.Audit(new AuditRecord(who.Audit, "halls.appointment_moved", $"hall:{hall.Hall.Slug}/appointment:{appointment.Code}", $"{slot.Day:yyyy-MM-dd} {slot.From:HH\\:mm}", clock.UtcNow));
            return appointment.Code;
        }, ct);
        return await db.Appointments.AsNoTracking().SingleAsync(a => a.Id == current.Id, ct);
    }

    public async Task CancelAsync(Guid account, string hallSlug, string code, CancellationToken ct)
    {
        var hall = await halls.GetAsync(hallSlug, ct);
        var (appointment, who) = await rules.AccessAsync(account, hall, code, ct, tracked: true);
        appointment.Cancel(clock.UtcNow, options.Value.Appointments.CutOff);
        db.Audit(new AuditRecord(who.Audit, "halls.appointment_cancelled", $"hall:{hall.Hall.Slug}/appointment:{appointment.Code}", null, clock.UtcNow));
        await rules.SaveOnceAsync(ct);
    }

    private async Task<Slot> SlotAsync(HallPlace hall, Category category, string? date, string? time, CancellationToken ct)
    {
        var day = AppointmentRules.Date(date);
        var from = AppointmentRules.Time(time);
        return await slots.FindAsync(hall, category, day, from, ct) ?? throw AppointmentRules.NoSuchSlot();
    }

    /// <summary>
    /// The item named, if any: published, and handled by a department with a window serving the category in this hall —
    /// in an extra session, a window serving in it.
    /// </summary>
    private async Task<ApplicableItem?> ItemAsync(HallPlace hall, Category category, Slot slot, string? code, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(code)) return null;
        var typed = code.Trim();
        var item = typed.Length <= 64 && typed.All(char.IsAsciiLetterOrDigit) ? await items.FindApplicableAsync(typed, ct) : null;
        var handling = item is null ? [] : hall.Windows.Where(w => category.IsServedAt(w.Number) && w.DepartmentCreditCode == item.DepartmentCreditCode).ToList();
        if (handling.Count == 0)
            throw HallErrors.Invalid("appointment.item_not_here", "本大厅的这个业务类别不办理该事项，请核对事项或选择其他类别", "This business category of the hall does not handle that item; check the item or choose another category", "item");
        if (slot.Windows is { } serving && !handling.Any(w => serving.Contains(w.Number)))
            throw HallErrors.Invalid("appointment.item_not_in_session", "这个时段（延时服务或周末不打烊）提供服务的窗口不办理该事项，请选择工作日办公时间的时段", "The windows serving in this extended or weekend session do not handle that item; choose a slot in the working-day hours", "time");
        return item;
    }

    private async Task<T> SeatAsync<T>(Slot slot, Func<int, Task<T>> place, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var taken = await db.Appointments.AsNoTracking()
                .Where(a => a.HallId == slot.HallId && a.CategoryId == slot.CategoryId && a.Day == slot.Day && a.From == slot.From && a.Seat != null)
                .Select(a => a.Seat!.Value).ToListAsync(ct);
            var seat = Enumerable.Range(1, slot.Capacity).FirstOrDefault(s => !taken.Contains(s));
            if (seat == 0) throw AppointmentRules.Full(slot);
            var result = await place(seat);
            try
            {
                await db.SaveChangesAsync(ct);
                return result;
            }
            catch (DbUpdateException) when (attempt < Attempts)
            {
                db.ChangeTracker.Clear(); // someone took that seat (or the code) meanwhile: look again
            }
        }
    }
}
