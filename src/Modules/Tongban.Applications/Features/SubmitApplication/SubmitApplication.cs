using Microsoft.EntityFrameworkCore;
using Tongban.Applications.Data;
using Tongban.Applications.Contracts;
using Tongban.Applications.Domain;
using Tongban.Applications.Features.NotifyApplicant;
using Tongban.Catalog.Contracts;
using Tongban.Identity.Contracts;
using Tongban.Kernel.Audit;
using Tongban.Kernel.Errors;
using Tongban.Kernel.Outbox;
using Tongban.Kernel.Time;

namespace Tongban.Applications.Features.SubmitApplication;

/// <summary>
/// Turns a submission into a case with a fresh number. Idempotent by submission key: a repeat — sequential or
/// concurrent — returns the case the first one made. The number and the case are written in one transaction, so a
/// refused or losing submit leaves no gap-filling number behind.
/// </summary>
internal sealed class SubmitApplication(ApplicationsDbContext db, IServiceItems items, IAccountDirectory accounts, RegionClock clock)
{
    public async Task<(Case Case, bool Created)> SubmitAsync(Submission submission, Draft? draft, CancellationToken ct)
    {
        if (await FindAsync(submission.SubmissionKey, ct) is { } earlier) return (earlier, false);
        var item = await items.FindApplicableAsync(submission.ItemCode, ct) ?? throw NotApplicable(submission.ItemCode);
        var form = ApplicationForms.Clean(item.Form, submission.Form); // before the level: every field the applicant can fix at once
        var account = await accounts.FindAsync(submission.ApplicantId, ct)
            ?? throw new DomainException(DomainError.NotFound("申请人账户", "The applicant's account"));
        if ((int)account.Level < item.RealNameLevel)
            throw new DomainException(new DomainError("case.real_name_level", $"该事项需要实名等级L{item.RealNameLevel}，请先提升（{accounts.StepUpPath}）",
                $"This item needs real-name level L{item.RealNameLevel}; raise yours first ({accounts.StepUpPath})", ErrorKind.Forbidden));

        var applicant = new Applicant(account.Id, account.DisplayName, account.MaskedIdNumber);
        var visit = submission.VisitPlace is { } place ? new Trip(clock.UtcNow, place, "递交申请 submit the application", submission.Actor) : null;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var number = await NextNumberAsync(item.DivisionCode, ct);
        var @case = Case.Submit(number, submission.SubmissionKey, ItemSnapshots.Of(item), applicant, submission.Channel,
            form, submission.Materials, visit, submission.Actor, clock.UtcNow, submission.StationKey);
        db.Cases.Add(@case);
        draft?.MarkSubmitted(number);
        ApplicantNotices.Publish(db, @case, ApplicantNoticeKinds.Submitted, clock.Today, clock.UtcNow);
        db.Audit(new AuditRecord(submission.Actor, "applications.submitted", $"case:{number}", $"{item.ImplementationCode} v{item.VersionNumber} {submission.Channel}", clock.UtcNow));
        try
        {
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return (@case, true);
        }
        catch (DbUpdateException)
        {
            // A concurrent submit with the same key won the unique index: answer with its case.
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return (await FindAsync(submission.SubmissionKey, ct) ?? throw new InvalidOperationException("The case could not be saved."), false);
        }
    }

    public static DomainException NotApplicable(string itemCode) => new(new DomainError("case.item_not_applicable", $"事项“{itemCode}”不存在或当前不可申请",
        $"The item '{itemCode}' does not exist or cannot be applied for now", ErrorKind.NotFound, "item_code"));

    private Task<Case?> FindAsync(string key, CancellationToken ct) => db.Cases.AsNoTracking().SingleOrDefaultAsync(c => c.SubmissionKey == key, ct);

    /// <summary>One statement on both providers: insert the day's first number or increment the last, and read it back.</summary>
    private async Task<string> NextNumberAsync(string divisionCode, CancellationToken ct)
    {
        var (division, day) = (CaseNumbers.Division(divisionCode), CaseNumbers.Day(clock.Today));
        var next = await db.Database.SqlQuery<int>($"""
            INSERT INTO app_case_sequences (division, day, last_number) VALUES ({division}, {day}, 1)
            ON CONFLICT (division, day) DO UPDATE SET last_number = app_case_sequences.last_number + 1
            RETURNING last_number AS "Value"
            """).ToListAsync(ct);
        return CaseNumbers.Format(division, day, next.Single());
    }
}
