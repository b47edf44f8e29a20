using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tongban.Applications.Contracts;
using Tongban.Applications.Data;
using Tongban.Applications.Domain;
using Tongban.Applications.Features.NotifyApplicant;
using Tongban.Kernel.Calendar;
using Tongban.Kernel.Time;

namespace Tongban.Applications.Features.RemindDeferred;

/// <summary>
/// Finds deferred materials (容缺) still awaited that are due within <see cref="ApplicationsOptions.DeferredReminderDays"/>
/// working days or overdue, and publishes a reminder or an overdue notice for each — once per case, material and kind
/// (<c>app_deferred_reminders</c>), in the same transaction as that record.
/// </summary>
internal sealed class RemindDeferred(ApplicationsDbContext db, CalendarStore calendars, RegionClock clock, IOptions<ApplicationsOptions> options)
    : IDeferredReminders
{
    public Task<int> SendDueAsync(CancellationToken cancellationToken) => RunAsync(clock.Today, cancellationToken);

    public async Task<int> RunAsync(DateOnly today, CancellationToken ct)
    {
        var calendar = await calendars.GetAsync(ct);
        // Only the cases still awaiting a deferred material, one range of the awaiting_deferred index: never every case in process.
        var open = await db.Cases.AsNoTracking().Where(c => c.AwaitingDeferred).ToListAsync(ct);
        var ids = open.Select(c => c.Id).ToList();
        var sent = (await db.DeferredReminders.AsNoTracking().Where(r => ids.Contains(r.CaseId))
            .Select(r => new { r.CaseId, r.MaterialKey, r.Kind }).ToListAsync(ct)).Select(r => (r.CaseId, r.MaterialKey, r.Kind)).ToHashSet();
        var at = clock.UtcNow;
        var count = 0;
        foreach (var c in open)
        {
            foreach (var material in c.OutstandingDeferred)
            {
                var kind = KindOf(material.PromisedBy, today, calendar);
                if (kind is null || sent.Contains((c.Id, material.Key, kind))) continue;
                db.DeferredReminders.Add(DeferredReminder.Of(c.Id, material.Key, kind, at));
                ApplicantNotices.Publish(db, c, kind, material.PromisedBy, at, material.Name);
                count++;
            }
        }
        await db.SaveChangesAsync(ct); // a concurrent run that recorded the same reminder first makes this one fail whole: nothing goes twice
        return count;
    }

    private string? KindOf(DateOnly promisedBy, DateOnly today, WorkingDayCalendar calendar) =>
        promisedBy < today ? ApplicantNoticeKinds.DeferredOverdue
        : calendar.CountWorkingDays(today, promisedBy) <= options.Value.DeferredReminderDays ? ApplicantNoticeKinds.DeferredReminder
        : null;
}
