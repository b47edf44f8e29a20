using Microsoft.EntityFrameworkCore;
using Tongban.Halls.Data;
using Tongban.Halls.Domain;
using Tongban.Identity.Contracts;
using Tongban.Kernel.Audit;
using Tongban.Kernel.Calendar;
using Tongban.Kernel.Outbox;
using Tongban.Kernel.PersonalData;
using Tongban.Kernel.Time;
using Tongban.Organization.Contracts;

namespace Tongban.Halls.Features.Appointments;

/// <summary>An appointment as its holder reads it: code, hall, category, item, local day and times, state.</summary>
internal sealed record AppointmentView(string Code, string Hall, string? HallEn, string Letter, string Category, string? CategoryEn,
    string? ItemCode, string? Item, DateOnly Day, TimeOnly From, TimeOnly To, AppointmentState State, string? TicketNumber, bool Changeable,
    bool ByAgent = false, string? Principal = null)
{
    public (string Zh, string En) StateText => AppointmentTexts.State(State);
}

/// <summary>A line of the staff's list of a day: the holder's name and ID number masked (the clerk serves them in person).</summary>
/// <summary>… and <see cref="Session"/>, the kind of extra session (延时服务 / 周末不打烊) the slot falls in; null in the working-day hours.</summary>
internal sealed record BookingLine(string Code, string Letter, TimeOnly From, TimeOnly To, string? Item, string Holder, string HolderId, AppointmentState State, string? TicketNumber,
    HallSessionKind? Session = null);

/// <summary>A line of "my appointments" (我的预约): the hall and category by name, the local slot, the state; the code only to link to its page.</summary>
/// <param name="BookedFor">The principal's masked name when the reader booked it for them as their agent; null for one's own.</param>
internal sealed record MyAppointmentLine(string Code, string HallSlug, string Hall, string? HallEn, string Category, string? CategoryEn, string? Item,
    DateOnly Day, TimeOnly From, TimeOnly To, AppointmentState State, string? TicketNumber, bool Upcoming, string? BookedFor = null)
{
    public (string Zh, string En) StateText => AppointmentTexts.State(State);
}

internal sealed class AppointmentQueries(HallsDbContext db, AppointmentRules rules, IAccountDirectory accounts, IOrganizationDirectory organization, CalendarStore calendars, RegionClock clock, Microsoft.Extensions.Options.IOptions<HallsOptions> options)
{
    /// <summary>The most lines "my appointments" shows (the newest of the past).</summary>
    public const int MineLimit = 200;

    /// <summary>
    /// 我的预约: the holder's own appointments in every hall — those to come (booked or checked in, not yet ended) first,
    /// soonest first; then the rest (past, missed, cancelled), latest first. Nobody else's.
    /// </summary>
    public async Task<IReadOnlyList<MyAppointmentLine>> ListMineAsync(Guid holder, CancellationToken ct)
    {
        var rows = await (from a in db.Appointments.AsNoTracking()
                          join c in db.Categories.AsNoTracking() on a.CategoryId equals c.Id
                          where a.HolderId == holder || a.BookedBy == holder
                          orderby a.Day descending, a.From descending
                          select new { a, c.Name, c.NameEn }).Take(MineLimit).ToListAsync(ct);
        var halls = (await organization.ListHallsAsync(ct)).ToDictionary(h => h.Id);
        // Those booked for principals name them, masked, as the agent's own view of such an appointment does.
        var principals = await accounts.FindManyAsync([.. rows.Where(r => r.a.HolderId != holder).Select(r => r.a.HolderId).Distinct()], ct);
        var now = clock.UtcNow;
        var lines = rows.Where(r => halls.ContainsKey(r.a.HallId)).Select(r =>
        {
            var hall = halls[r.a.HallId];
            var upcoming = r.a.EndsAt > now && r.a.Status != AppointmentStatus.Cancelled;
            return new MyAppointmentLine(r.a.Code, hall.Slug, hall.Name, hall.NameEn, r.Name, r.NameEn, r.a.ItemName, r.a.Day, r.a.From, r.a.To,
                r.a.StateAt(now), r.a.TicketNumber, upcoming,
                r.a.HolderId == holder ? null : PersonNames.Mask(principals.GetValueOrDefault(r.a.HolderId)?.DisplayName));
        }).ToList();
        return [.. lines.Where(l => l.Upcoming).OrderBy(l => l.Day).ThenBy(l => l.From), .. lines.Where(l => !l.Upcoming)];
    }

    /// <summary>One's own appointment, or one booked for a principal by the reader as their authorised agent.</summary>
    public async Task<AppointmentView> MineAsync(Guid reader, HallPlace hall, string? code, CancellationToken ct) =>
        await ViewAsync(hall, (await rules.AccessAsync(reader, hall, code, ct)).Appointment, reader, ct);

    /// <summary>The appointment as <paramref name="reader"/> sees it; an agent reading one of their principal's sees the principal's name masked.</summary>
    public async Task<AppointmentView> ViewAsync(HallPlace hall, Appointment a, Guid reader, CancellationToken ct)
    {
        var category = await db.Categories.AsNoTracking().SingleAsync(c => c.Id == a.CategoryId, ct);
        var now = clock.UtcNow;
        var principal = reader == a.HolderId ? null : PersonNames.Mask((await accounts.FindAsync(a.HolderId, ct))?.DisplayName);
        return new AppointmentView(a.Code, hall.Hall.Name, hall.Hall.NameEn, category.Letter, category.Name, category.NameEn, a.ItemCode, a.ItemName,
            a.Day, a.From, a.To, a.StateAt(now), a.TicketNumber, a.Status == AppointmentStatus.Booked && now <= a.StartsAt - options.Value.Appointments.CutOff,
            a.BookedBy is not null, principal);
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
        var sessions = hall.Hall.SessionsOn(day, await calendars.GetAsync(ct)); // the slots' own rule
        var lines = rows.Select(row =>
        {
            var holder = holders.GetValueOrDefault(row.a.HolderId);
            var session = sessions.FirstOrDefault(s => s.From <= row.a.From && row.a.From < s.To)?.Kind;
            return new BookingLine(row.a.Code, row.Letter, row.a.From, row.a.To, row.a.ItemName, PersonNames.Mask(holder?.DisplayName),
                holder?.MaskedIdNumber ?? "", row.a.StateAt(now), row.a.TicketNumber, session is HallSessionKind.Regular ? null : session);
        }).ToList();
        db.Audit(new AuditRecord(actor, "halls.appointments_read", $"hall:{hall.Hall.Slug}/appointments:{day:yyyy-MM-dd}", $"{lines.Count} holders, masked; to serve them at the windows", now));
        await db.SaveChangesAsync(ct);
        return lines;
    }
}
