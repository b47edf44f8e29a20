using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tongban.Applications.Contracts;
using Tongban.Applications.Data;
using Tongban.Applications.Domain;
using Tongban.Applications.Features.ViewCase;
using Tongban.Kernel.Audit;
using Tongban.Kernel.Calendar;
using Tongban.Kernel.Errors;
using Tongban.Kernel.Outbox;
using Tongban.Kernel.Ratings;
using Tongban.Kernel.Security;
using Tongban.Kernel.Time;

namespace Tongban.Applications.Features.RateCase;

internal sealed class RatingInput
{
    public RatingLevel? Level { get; set; }
    public List<string> Indicators { get; set; } = [];
    public string? Comment { get; set; }
}

internal sealed record AppealInput(string? Reason);

/// <summary>The applicant rates their concluded case once, and may appeal the rectification a bad rating opened.</summary>
internal sealed class RateCase(ApplicationsDbContext db, CaseReader reader, CalendarStore calendars, RegionClock clock, IOptions<ApplicationsOptions> options)
{
    public async Task<Rating?> FindAsync(string number, ClaimsPrincipal user, CancellationToken ct)
    {
        var @case = await reader.ForApplicantAsync(number, user, tracking: false, ct);
        return await db.Ratings.AsNoTracking().SingleOrDefaultAsync(Rating.OwnOf(@case.Id), ct);
    }

    public async Task<Rating> RateAsync(string number, RatingInput input, ClaimsPrincipal user, CancellationToken ct)
    {
        var @case = await reader.ForApplicantAsync(number, user, tracking: false, ct);
        if (await db.Ratings.AnyAsync(Rating.OwnOf(@case.Id), ct)) throw Rating.AlreadyRated();
        var level = input.Level ?? throw new DomainException(new DomainError("rating.level", "请选择评价等级", "Choose a rating", Field: "level"));
        var rating = Rating.Rate(@case, level, input.Indicators, input.Comment, clock.Today, await calendars.GetAsync(ct), options.Value.RectificationDays, clock.UtcNow);
        db.Ratings.Add(rating);
        db.Publish(CaseRated.MessageType, new CaseRated(@case.Id.Value, number, (int)rating.Level, rating.IsBad, clock.UtcNow), clock.UtcNow);
        db.Audit(new AuditRecord(Actor.Of(user), "applications.rated", $"case:{number}", rating.Level.ToString(), clock.UtcNow));
        if (rating.IsBad)
            db.Audit(new AuditRecord(Actor.Of(user), "applications.rectification_opened", $"case:{number}", $"{rating.DepartmentCreditCode} {rating.RectificationDueOn:yyyy-MM-dd}", clock.UtcNow));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // A second submit raced the first past the check: the unique index refused it.
            if (await AlreadyRatedAsync(@case.Id, ct)) throw Rating.AlreadyRated();
            throw;
        }
        return rating;
    }

    public async Task<Rating> AppealAsync(string number, string reason, ClaimsPrincipal user, CancellationToken ct)
    {
        var @case = await reader.ForApplicantAsync(number, user, tracking: false, ct);
        var rating = await db.Ratings.SingleOrDefaultAsync(Rating.OwnOf(@case.Id), ct)
            ?? throw new DomainException(new DomainError("rating.not_rated", "该办件尚未评价", "The case has not been rated", ErrorKind.Conflict));
        rating.Appeal(reason, clock.UtcNow);
        db.Publish(RectificationAppealed.MessageType, new RectificationAppealed(@case.Id.Value, number, clock.UtcNow), clock.UtcNow);
        db.Audit(new AuditRecord(Actor.Of(user), "applications.rectification_appealed", $"case:{number}", null, clock.UtcNow));
        await RatingSaves.SaveAsync(db, ct);
        return rating;
    }

    private async Task<bool> AlreadyRatedAsync(CaseId id, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        return await db.Ratings.AnyAsync(Rating.OwnOf(id), ct);
    }
}

internal static class RatingSaves
{
    /// <summary>Saves a changed rating; two people acting on it at once cannot both win.</summary>
    public static async Task SaveAsync(ApplicationsDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new DomainException(new DomainError("rating.changed", "该评价刚被他人处理，请刷新后重试", "Someone else has just acted on this rating; reload and try again", ErrorKind.Conflict));
        }
    }
}
