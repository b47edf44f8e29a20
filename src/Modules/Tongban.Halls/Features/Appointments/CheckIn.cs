using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tongban.Halls.Data;
using Tongban.Halls.Domain;
using Tongban.Halls.Features.TakeTicket;
using Tongban.Identity.Contracts;
using Tongban.Kernel.Audit;
using Tongban.Kernel.Identifiers;
using Tongban.Kernel.Outbox;
using Tongban.Kernel.Security;
using Tongban.Kernel.Time;

namespace Tongban.Halls.Features.Appointments;

/// <summary>
/// 预约签到 at the kiosk: the code of an appointment of today at this hall gives a priority ticket of its category — called
/// before the walk-in tickets of that category (one rule, in <c>Calling</c>). The code is all the kiosk asks: it is
/// what the holder was given to show; a code of another hall or day is not found.
/// </summary>
internal sealed class CheckIn(HallsDbContext db, HallPlaces halls, IssueTicket issue, RegionClock clock, IOptions<HallsOptions> options, IAccountDirectory accounts)
{
    /// <summary>
    /// 预约签到 by the holder's resident ID number typed at the kiosk (posted, never in an address or a log): checked by the
    /// kernel's rule first (a wrong check character is named), then the holder's appointment of today at this hall — the
    /// one whose check-in time it is, else the next still booked. No account, or no appointment, answer alike; nothing
    /// of the holder is shown but the ticket. The look-up is audited without the number.
    /// </summary>
    public async Task<TicketView> CheckInByIdNumberAsync(string hallSlug, string? idNumber, CancellationToken ct)
    {
        var hall = await halls.GetAsync(hallSlug, ct);
        if (!ResidentIdNumber.TryParse(idNumber, out var id, out var error))
            throw HallErrors.Invalid("appointment.id_number", error!.Chinese, error.English, "idNumber");
        var holder = await accounts.FindByIdNumberAsync(id.Value.Value, ct);
        var (today, now, early) = (clock.Today, clock.UtcNow, options.Value.Appointments.CheckInEarly);
        var booked = holder is null ? [] : await db.Appointments
            .Where(a => a.HolderId == holder.Id && a.HallId == hall.Id && a.Day == today && a.Status == AppointmentStatus.Booked).ToListAsync(ct);
        var appointment = booked.Where(a => a.EndsAt > now).OrderBy(a => a.StartsAt > now + early).ThenBy(a => a.StartsAt).FirstOrDefault()
            ?? throw HallErrors.Invalid("appointment.check_in_no_booking", "没有找到该证件号今天在本大厅的预约，请核对证件号，或输入预约码，或直接取号",
                "No appointment of today at this hall for that ID number; check the number, type the appointment code, or take a ticket", "idNumber");
        if (now < appointment.StartsAt - early)
            throw HallErrors.Conflict("appointment.check_in_early", $"还未到签到时间：请在预约时段开始前{early.TotalMinutes:0}分钟内签到",
                $"It is not yet time to check in: check in from {early.TotalMinutes:0} minutes before the appointment starts");
        db.Audit(new AuditRecord(Actor.Anonymous, "halls.appointment_checked_in_by_id", $"hall:{hall.Hall.Slug}/appointment:{appointment.Code}",
            "at the kiosk, by the holder's ID number (not kept)", now));
        return await IssueAsync(hall, appointment, ct);
    }

    public async Task<TicketView> CheckInAsync(string hallSlug, string? code, CancellationToken ct)
    {
        var hall = await halls.GetAsync(hallSlug, ct);
        var typed = Appointment.Normalise(code);
        var today = clock.Today;
        var appointment = (typed is null ? null : await db.Appointments.FirstOrDefaultAsync(a => a.Code == typed && a.HallId == hall.Id && a.Day == today, ct))
            ?? throw HallErrors.Invalid("appointment.check_in_unknown", "没有找到本大厅今天的这个预约码，请核对后再输入", "No appointment of today at this hall has that code; check it and try again", "code");
        return await IssueAsync(hall, appointment, ct);
    }

    private async Task<TicketView> IssueAsync(HallPlace hall, Appointment appointment, CancellationToken ct)
    {
        var category = await db.Categories.AsNoTracking().SingleAsync(c => c.Id == appointment.CategoryId, ct);
        try
        {
            return await issue.IssueAsync(hall.Hall, category, number => appointment.CheckIn(number, clock.UtcNow, options.Value.Appointments.CheckInEarly), null, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw HallErrors.Conflict("appointment.changed", "该预约刚刚已有变动（可能已签到），请查看号票", "The appointment has just changed (perhaps checked in already); look at your ticket");
        }
    }
}
