using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tongban.Halls.Data;
using Tongban.Halls.Domain;
using Tongban.Halls.Features.TakeTicket;
using Tongban.Kernel.Time;

namespace Tongban.Halls.Features.Appointments;

/// <summary>
/// 预约签到 at the kiosk: the code of an appointment of today at this hall gives a priority ticket of its category — called
/// before the walk-in tickets of that category (one rule, in <c>Calling</c>). The code is all the kiosk asks: it is
/// what the holder was given to show; a code of another hall or day is not found.
/// </summary>
internal sealed class CheckIn(HallsDbContext db, HallPlaces halls, IssueTicket issue, RegionClock clock, IOptions<HallsOptions> options)
{
    public async Task<TicketView> CheckInAsync(string hallSlug, string? code, CancellationToken ct)
    {
        var hall = await halls.GetAsync(hallSlug, ct);
        var typed = Appointment.Normalise(code);
        var today = clock.Today;
        var appointment = (typed is null ? null : await db.Appointments.FirstOrDefaultAsync(a => a.Code == typed && a.HallId == hall.Id && a.Day == today, ct))
            ?? throw HallErrors.Invalid("appointment.check_in_unknown", "没有找到本大厅今天的这个预约码，请核对后再输入", "No appointment of today at this hall has that code; check it and try again", "code");
        var category = await db.Categories.AsNoTracking().SingleAsync(c => c.Id == appointment.CategoryId, ct);
        try
        {
            return await issue.IssueAsync(hall, category, number => appointment.CheckIn(number, clock.UtcNow, options.Value.Appointments.CheckInEarly), ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw HallErrors.Conflict("appointment.changed", "该预约刚刚已有变动（可能已签到），请查看号票", "The appointment has just changed (perhaps checked in already); look at your ticket");
        }
    }
}
