using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tongban.Halls.Data;
using Tongban.Halls.Domain;
using Tongban.Halls.Features.TakeTicket;
using Tongban.Identity.Contracts;
using Tongban.Kernel.Hosting;
using Tongban.Kernel.Outbox;
using Tongban.Kernel.Time;
using Tongban.Organization.Contracts;

namespace Tongban.Halls.Features.Appointments;

/// <summary>
/// The reminder the day before: each appointment of tomorrow still booked gets one <see cref="AccountNotice"/> through
/// this module's outbox, which the identity module texts to the holder's phone (an account without a phone gets none).
/// The notice holds the hall, the slot and the code, never an ID number.
/// </summary>
internal sealed class AppointmentReminders(HallsDbContext db, IOrganizationDirectory organization, RegionClock clock)
{
    public const string Kind = "appointment_reminder";

    public async Task<int> SendDueAsync(CancellationToken ct)
    {
        var tomorrow = clock.Today.AddDays(1);
        var due = await db.Appointments.Where(a => a.Day == tomorrow && a.Status == AppointmentStatus.Booked && a.RemindedAt == null)
            .OrderBy(a => a.From).ThenBy(a => a.Id).Take(500).ToListAsync(ct); // the earliest first when more than a run's worth wait
        if (due.Count == 0) return 0;
        var halls = (await organization.ListHallsAsync(ct)).ToDictionary(h => h.Id);
        var sent = 0;
        foreach (var a in due)
        {
            var hall = halls.GetValueOrDefault(a.HallId);
            var slot = $"{a.Day:yyyy-MM-dd} {a.From:HH\\:mm}–{a.To:HH\\:mm}";
            db.Publish(AccountNotice.MessageType, new AccountNotice(a.HolderId, Kind,
                $"您已预约明天{slot}到{hall?.Name}办理业务，预约码{a.Code}，请提前到取号机签到；不能前来请及时取消。",
                $"Reminder: your appointment at {hall?.NameEn ?? hall?.Name} is tomorrow, {slot}, code {a.Code}; check in at the kiosk, or cancel if you cannot come."), clock.UtcNow);
            a.Remind(clock.UtcNow);
            try
            {
                await db.SaveChangesAsync(ct);
                sent++;
            }
            catch (DbUpdateConcurrencyException)
            {
                db.ChangeTracker.Clear(); // another instance reminded (or the holder changed it) meanwhile
            }
        }
        return sent;
    }
}

/// <summary>
/// Looks for tomorrow's reminders every <c>Halls:Appointments:ReminderInterval</c>, and forgets the 到号提醒 numbers of
/// past days' tickets that were never called (<see cref="TicketReminders.ForgetPastAsync"/>).
/// </summary>
internal sealed class AppointmentReminderWorker(IServiceScopeFactory scopes, IOptions<HallsOptions> options, TimeProvider clock, ILogger<AppointmentReminderWorker> logger)
    : PeriodicWorker(clock, logger)
{
    protected override TimeSpan Interval => options.Value.Appointments.ReminderInterval;

    protected override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        await scope.ServiceProvider.GetRequiredService<AppointmentReminders>().SendDueAsync(cancellationToken);
        await scope.ServiceProvider.GetRequiredService<TicketReminders>().ForgetPastAsync(cancellationToken);
    }
}
