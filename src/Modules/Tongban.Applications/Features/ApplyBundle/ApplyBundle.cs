using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Tongban.Applications.Data;
using Tongban.Applications.Domain;
using Tongban.Applications.Features.ApplyOnline;
using Tongban.Applications.Features.SubmitApplication;
using Tongban.Applications.Features.ViewCase;
using Tongban.Kernel.Errors;
using Tongban.Kernel.Security;
using Tongban.Kernel.Time;

namespace Tongban.Applications.Features.ApplyBundle;

/// <summary>
/// Apply for a bundle (一件事一次办): one draft holding one form and one set of materials for all its items (the same
/// draft endpoints and material steps as an item's), submitted as one case per item in one transaction, each case with
/// its own number, department, limit and process, all carrying the same <see cref="BundleRef"/>.
/// </summary>
internal sealed class ApplyBundle(ApplicationsDbContext db, ApplyOnline.ApplyOnline drafts, SubmitApplication.SubmitApplication submit, ApplyGate gate, RegionClock clock)
{
    public async Task<Draft> StartAsync(string bundleCode, ClaimsPrincipal user, CancellationToken ct)
    {
        var bundle = await drafts.FindBundleAsync(bundleCode, ct);
        await gate.RequireReadyAsync(bundle, user, ct);
        var draft = Draft.StartBundle(Applicants.IdOf(user), bundle.Code, clock.UtcNow);
        db.Drafts.Add(draft);
        await db.SaveChangesAsync(ct);
        return draft;
    }

    /// <summary>
    /// Saves what was typed, then submits every item's case at once, each with the form values and materials its item
    /// asks for. A second submit answers with the cases the first one made.
    /// </summary>
    public async Task<(BundleRef Bundle, IReadOnlyList<Case> Cases, bool Created)> SubmitAsync(Guid id, ApplicationInput? input, ClaimsPrincipal user, CancellationToken ct)
    {
        var draft = await drafts.SaveTypedAsync(id, input, user, ct);
        if (draft.CaseNumber is not null && await CasesAsync(id, user, ct) is { } done) return (done[0].Bundle!, done, false);
        var target = draft.BundleCode is null ? throw NotABundle() : await drafts.FindBundleAsync(draft.BundleCode, ct);
        var (cases, created) = await submit.SubmitTargetAsync(target, new Submission(target.Code, draft.ApplicantId, draft.Form, draft.Materials,
            Channel.Online, draft.SubmissionKey, Actor.Of(user)), draft.Id.Value, draft, ct);
        return (cases[0].Bundle!, cases, created);
    }

    /// <summary>The applicant's cases of one bundle submission, by number (none for anyone else's).</summary>
    public async Task<IReadOnlyList<Case>> CasesAsync(Guid draftId, ClaimsPrincipal user, CancellationToken ct)
    {
        var applicant = Applicants.IdOf(user);
        var cases = await db.Cases.AsNoTracking().Where(c => c.ApplicantId == applicant && c.Bundle!.Key == draftId).ToListAsync(ct);
        return cases.Count > 0 ? [.. cases.OrderBy(c => c.Number, StringComparer.Ordinal)] : throw new DomainException(DomainError.NotFound("一件事的办件", "The bundle's cases"));
    }

    private static DomainException NotABundle() =>
        new(new DomainError("draft.not_bundle", "该草稿不是一件事的申请", "This draft is not a bundle's", ErrorKind.Conflict));
}
