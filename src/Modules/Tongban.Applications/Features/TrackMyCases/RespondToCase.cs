using System.Security.Claims;
using Tongban.Applications.Data;
using Tongban.Applications.Domain;
using Tongban.Applications.Features.ApplyOnline;
using Tongban.Applications.Features.NotifyApplicant;
using Tongban.Applications.Features.SubmitApplication;
using Tongban.Applications.Features.ViewCase;
using Tongban.Catalog.Contracts;
using Tongban.Kernel.Audit;
using Tongban.Kernel.Calendar;
using Tongban.Kernel.Outbox;
using Tongban.Kernel.Security;
using Tongban.Kernel.Time;

namespace Tongban.Applications.Features.TrackMyCases;

/// <summary>
/// The applicant resubmits their case after a correction notice (materials are given first through
/// <see cref="ProvideMaterials.ProvideCaseMaterials"/>), or withdraws it before a decision.
/// </summary>
internal sealed class RespondToCase(ApplicationsDbContext db, CaseReader reader, IServiceItems items, CalendarStore calendars, RegionClock clock)
{
    public async Task<Case> ResubmitAsync(string number, ApplicationInput input, ClaimsPrincipal user, CancellationToken ct)
    {
        var @case = await reader.ForApplicantAsync(number, user, tracking: true, ct);
        var merged = new Dictionary<string, string>(@case.Form);
        foreach (var (key, value) in input.FormValues) merged[key] = value;
        var form = await items.FindApplicableAsync(@case.ItemCode, ct) is { } item ? ApplicationForms.Clean(item.Form, merged) : merged;
        @case.Resubmit(form, Actor.Of(user), clock.Today, await calendars.GetAsync(ct), clock.UtcNow);
        return await SaveAsync(@case, user, "resubmitted", ct);
    }

    /// <summary>撤回: the applicant takes the application back before a decision, with a reason.</summary>
    public async Task<Case> WithdrawAsync(string number, string? reason, ClaimsPrincipal user, CancellationToken ct)
    {
        var @case = await reader.ForApplicantAsync(number, user, tracking: true, ct);
        @case.Withdraw(reason ?? "", Actor.Of(user), clock.Today, clock.UtcNow);
        ApplicantNotices.PublishWithdrawn(db, @case, clock.UtcNow);
        await HomeVisits.HomeVisits.CloseWithCaseAsync(db, @case, clock.UtcNow, ct);
        return await SaveAsync(@case, user, "withdrawn", ct);
    }

    private async Task<Case> SaveAsync(Case @case, ClaimsPrincipal user, string action, CancellationToken ct)
    {
        db.Audit(new AuditRecord(Actor.Of(user), $"applications.{action}", $"case:{@case.Number}", null, clock.UtcNow));
        await db.SaveChangesAsync(ct);
        return @case;
    }
}
