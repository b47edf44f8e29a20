using Microsoft.EntityFrameworkCore;
using Tongban.Halls.Data;
using Tongban.Halls.Domain;
using Tongban.Identity.Contracts;
using Tongban.Kernel.Audit;
using Tongban.Kernel.Outbox;
using Tongban.Kernel.PersonalData;
using Tongban.Kernel.Time;

namespace Tongban.Halls.Features.Appointments;

/// <summary>An appointment as its holder reads it: code, hall, category, item, local day and times, state.</summary>
internal sealed record AppointmentView(string Code, string Hall, string? HallEn, string Letter, string Category, string? CategoryEn,
    string? ItemCode, string? Item, DateOnly Day, TimeOnly From, TimeOnly To, AppointmentState State, string? TicketNumber, bool Changeable)
{
    public (string Zh, string En) StateText => AppointmentTexts.State(State);
}

/// <summary>A line of the staff's list of a day: the holder's name and ID number masked (the clerk serves them in person).</summary>
internal sealed record BookingLine(string Code, string Letter, TimeOnly From, TimeOnly To, string? Item, string Holder, string HolderId, AppointmentState State, string? TicketNumber);

internal sealed class AppointmentQueries(HallsDbContext db, AppointmentRules rules, IAccountDirectory accounts, RegionClock clock, Microsoft.Extensions.Options.IOptions<HallsOptions> options)
{
    public async Task<AppointmentView> MineAsync(Guid holder, HallPlace hall, string? code, CancellationToken ct) =>
        await ViewAsync(hall, await rules.MineAsync(holder, hall, code, ct), ct);

    public async Task<AppointmentView> ViewAsync(HallPlace hall, Appointment a, CancellationToken ct)
    {
        var category = await db.Categories.AsNoTracking().SingleAsync(c => c.Id == a.CategoryId, ct);
        var now = clock.UtcNow;
        return new AppointmentView(a.Code, hall.Hall.Name, hall.Hall.NameEn, category.Letter, category.Name, category.NameEn, a.ItemCode, a.ItemName,
            a.Day, a.From, a.To, a.StateAt(now), a.TicketNumber, a.Status == AppointmentStatus.Booked && now <= a.StartsAt - options.Value.Appointments.CutOff);
    }

    /// <summary>A day's appointments of a hall for its staff, by slot; the read is audited (who looked at whose list, why).</summary>
    public async Task<IReadOnlyList<BookingLine>> DayAsync(HallPlace hall, DateOnly day, string actor, CancellationToken ct)
    {
        var rows = await (from a in db.Appointments.AsNoTracking()
                          join c in db.Categories.AsNoTracking() on a.CategoryId equals c.Id
                          where a.HallId == hall.Id && a.Day == day && a.Status != AppointmentStatus.Cancelled
                          orderby a.From, c.Letter
                          select new { a, c.Letter }).ToListAsync(ct);
        var now = clock.UtcNow;
        var holders = await accounts.FindManyAsync([.. rows.Select(r => r.a.HolderId).Distinct()], ct);
        var lines = rows.Select(row =>
        {
            var holder = holders.GetValueOrDefault(row.a.HolderId);
            return new BookingLine(row.a.Code, row.Letter, row.a.From, row.a.To, row.a.ItemName, PersonNames.Mask(holder?.DisplayName),
                holder?.MaskedIdNumber ?? "", row.a.StateAt(now), row.a.TicketNumber);
        }).ToList();
        db.Audit(new AuditRecord(actor, "halls.appointments_read", $"hall:{hall.Hall.Slug}/appointments:{day:yyyy-MM-dd}", $"{lines.Count} holders, masked; to serve them at the windows", now));
        await db.SaveChangesAsync(ct);
        return lines;
    }
}
