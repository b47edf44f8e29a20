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
/// Turns submissions into cases with fresh numbers: one for an item, several for a bundle (一件事), all in one
/// transaction or none. Idempotent by submission key: a repeat — sequential or concurrent — returns the cases the first
/// one made. The numbers and the cases are written in one transaction, so a refused or losing submit leaves no
/// gap-filling number behind.
/// </summary>
internal sealed class SubmitApplication(ApplicationsDbContext db, IServiceItems items, IAccountDirectory accounts, RegionClock clock)
{
    public async Task<(Case Case, bool Created)> SubmitAsync(Submission submission, Draft? draft, CancellationToken ct)
    {
        var (cases, created) = await SubmitAllAsync([submission], null, draft, ct);
        return (cases[0], created);
    }

    /// <summary>
    /// An application for <paramref name="target"/>, whoever submits it: one case for an item; for a bundle, one per item —
    /// each with the form values and materials its item asks for and the key <c>{key}:{item code}</c>, all sharing
    /// <paramref name="bundleKey"/> — all or none. Ordered by number.
    /// </summary>
    public async Task<(IReadOnlyList<Case> Cases, bool Created)> SubmitTargetAsync(ApplicationTarget target, Submission application, Guid bundleKey, Draft? draft, CancellationToken ct)
    {
        if (!target.IsBundle) return await SubmitAllAsync([application with { ItemCode = target.Code }], null, draft, ct);
        var submissions = target.Items.Select(item => application with
        {
            ItemCode = item.ImplementationCode,
            Form = application.Form.Where(f => item.Form.Fields.Any(x => x.Key == f.Key)).ToDictionary(),
            Materials = [.. application.Materials.Where(m => item.Materials.Any(x => x.Key == m.Key))],
            SubmissionKey = $"{application.SubmissionKey}:{item.ImplementationCode}",
        }).ToList();
        var (cases, created) = await SubmitAllAsync(submissions, new BundleRef(target.Code, target.Name, bundleKey), draft, ct);
        return ([.. cases.OrderBy(c => c.Number, StringComparer.Ordinal)], created);
    }

    /// <summary>
    /// Every submission's form errors at once (a field shared by several items named once), then the applicant's level
    /// against the highest any item needs, then every missing material — before a single number is taken.
    /// </summary>
    public async Task<(IReadOnlyList<Case> Cases, bool Created)> SubmitAllAsync(IReadOnlyList<Submission> submissions, BundleRef? bundle, Draft? draft, CancellationToken ct)
    {
        var keys = submissions.Select(s => s.SubmissionKey).ToList();
        if (await FindAsync(keys, ct) is { Count: > 0 } earlier) return (earlier, false);
        var applying = new List<(Submission Submission, ApplicableItem Item, IReadOnlyDictionary<string, string> Form)>();
        var errors = new List<DomainError>();
        foreach (var submission in submissions)
        {
            var item = await items.FindApplicableAsync(submission.ItemCode, ct) ?? throw NotApplicable(submission.ItemCode);
            try { applying.Add((submission, item, ApplicationForms.Clean(item.Form, submission.Form))); }
            catch (DomainException e) { errors.AddRange(e.Errors); } // before the level: every field the applicant can fix at once
        }
        ThrowOnce(errors);
        var applicant = await ApplicantAsync(submissions[0].ApplicantId, applying.Max(a => a.Item.RealNameLevel), ct);
        ThrowOnce([.. applying.SelectMany(a => Case.MissingMaterials(ItemSnapshots.Of(a.Item), a.Submission.Materials))]);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var cases = new List<Case>();
        foreach (var (submission, item, form) in applying)
        {
            var number = await NextNumberAsync(item.DivisionCode, ct);
            var visit = submission.VisitPlace is { } place ? new Trip(clock.UtcNow, place, "递交申请 submit the application", submission.Actor, submission.VisitTicket) : null;
            var @case = Case.Submit(number, submission.SubmissionKey, ItemSnapshots.Of(item), applicant, submission.Channel,
                form, submission.Materials, visit, submission.Actor, clock.UtcNow, submission.StationKey);
            if (bundle is not null) @case.JoinBundle(bundle);
            db.Cases.Add(@case);
            cases.Add(@case);
            ApplicantNotices.Publish(db, @case, ApplicantNoticeKinds.Submitted, clock.Today, clock.UtcNow);
            db.Audit(new AuditRecord(submission.Actor, "applications.submitted", $"case:{number}",
                $"{item.ImplementationCode} v{item.VersionNumber} {submission.Channel}{(bundle is null ? "" : $" bundle:{bundle.Code}")}", clock.UtcNow));
        }
        draft?.MarkSubmitted(cases[0].Number);
        try
        {
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return (cases, true);
        }
        catch (DbUpdateException)
        {
            // A concurrent submit with the same keys won the unique index: answer with its cases.
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return (await FindAsync(keys, ct) is { Count: > 0 } won ? won : throw new InvalidOperationException("The cases could not be saved."), false);
        }
    }

    public static DomainException NotApplicable(string itemCode) => new(new DomainError("case.item_not_applicable", $"事项“{itemCode}”不存在或当前不可申请",
        $"The item '{itemCode}' does not exist or cannot be applied for now", ErrorKind.NotFound, "item_code"));

    /// <summary>Each field at fault once, even when several items check it.</summary>
    private static void ThrowOnce(List<DomainError> errors)
    {
        if (errors.Count > 0) throw new DomainException([.. errors.DistinctBy(e => e.Field ?? e.Code)]);
    }

    private async Task<Applicant> ApplicantAsync(Guid accountId, int level, CancellationToken ct)
    {
        var account = await accounts.FindAsync(accountId, ct) ?? throw new DomainException(DomainError.NotFound("申请人账户", "The applicant's account"));
        if ((int)account.Level < level) throw ApplyOnline.ApplyGate.LevelTooLow(level, accounts.StepUpPath);
        return new Applicant(account.Id, account.DisplayName, account.MaskedIdNumber);
    }

    /// <summary>The cases the submission keys made, in the keys' order (empty when none was submitted).</summary>
    private async Task<List<Case>> FindAsync(List<string> keys, CancellationToken ct)
    {
        var found = await db.Cases.AsNoTracking().Where(c => keys.Contains(c.SubmissionKey)).ToListAsync(ct);
        return [.. found.OrderBy(c => keys.IndexOf(c.SubmissionKey))];
    }

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
