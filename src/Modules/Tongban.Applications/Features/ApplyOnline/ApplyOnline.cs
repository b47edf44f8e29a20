using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Tongban.Applications.Data;
using Tongban.Applications.Domain;
using Tongban.Applications.Features.SubmitApplication;
using Tongban.Applications.Features.ViewCase;
using Tongban.Catalog.Contracts;
using Tongban.Kernel.Errors;
using Tongban.Kernel.Security;
using Tongban.Kernel.Time;

namespace Tongban.Applications.Features.ApplyOnline;

/// <summary>
/// What an applicant types: form values by field key, and paper material references by material key (a window clerk's
/// or an agent system's; an online draft takes materials only as uploads and registry facts, never as typed text).
/// </summary>
internal sealed class ApplicationInput
{
    public Dictionary<string, string>? Form { get; set; } = [];
    public Dictionary<string, string>? Materials { get; set; } = [];

    public IReadOnlyDictionary<string, string> FormValues => (Form ?? []).Where(f => !string.IsNullOrWhiteSpace(f.Value)).ToDictionary(f => f.Key, f => f.Value.Trim());

    public IReadOnlyList<MaterialRef> MaterialRefs =>
        [.. (Materials ?? []).Where(m => !string.IsNullOrWhiteSpace(m.Value)).Select(m => new MaterialRef(m.Key, m.Value.Trim()))];
}

/// <summary>An applicant's own drafts: start for an item, save, resume on any device, submit once.</summary>
internal sealed class ApplyOnline(ApplicationsDbContext db, IServiceItems items, SubmitApplication.SubmitApplication submit, ApplyGate gate, RegionClock clock)
{
    /// <summary>A draft of one's own, once the item takes online applications and one's real-name level is enough for it.</summary>
    public async Task<Draft> StartAsync(string itemCode, ClaimsPrincipal user, CancellationToken ct)
    {
        var applicant = Applicants.IdOf(user);
        var item = await FindItemAsync(itemCode, ct);
        await gate.RequireReadyAsync(ApplicationTarget.Of(item), user, ct);
        var draft = Draft.Start(applicant, item.ImplementationCode, clock.UtcNow);
        db.Drafts.Add(draft);
        await db.SaveChangesAsync(ct);
        return draft;
    }

    public async Task<Draft> LoadAsync(Guid id, ClaimsPrincipal user, CancellationToken ct)
    {
        var applicant = Applicants.IdOf(user);
        var draft = await db.Drafts.SingleOrDefaultAsync(d => d.Id == DraftId.From(id), ct);
        return draft is not null && draft.ApplicantId == applicant ? draft : throw new DomainException(DomainError.NotFound("草稿", "The draft"));
    }

    public async Task<Draft> SaveAsync(Guid id, ApplicationInput input, ClaimsPrincipal user, CancellationToken ct)
    {
        var draft = await LoadAsync(id, user, ct);
        draft.Save(input.FormValues, clock.UtcNow);
        await db.SaveChangesAsync(ct);
        return draft;
    }

    /// <summary>
    /// Saves what was typed into the draft, then submits it: a value that fails its check names the field and leaves
    /// only the draft saved. A second submit of the draft answers with the case the first one made.
    /// </summary>
    public async Task<(Case Case, bool Created)> SubmitAsync(Guid id, ApplicationInput? input, ClaimsPrincipal user, CancellationToken ct)
    {
        var draft = await SaveTypedAsync(id, input, user, ct);
        if (draft.BundleCode is not null)
            throw new DomainException(new DomainError("draft.is_bundle", "该草稿是一件事的申请，请按一件事提交", "This draft is a bundle's: submit it as a bundle", ErrorKind.Conflict));
        return await submit.SubmitAsync(new Submission(draft.ItemCode, draft.ApplicantId, draft.Form, draft.Materials, Channel.Online, draft.SubmissionKey, Actor.Of(user)), draft, ct);
    }

    /// <summary>The draft with what was typed saved into it, unless it was submitted already.</summary>
    public async Task<Draft> SaveTypedAsync(Guid id, ApplicationInput? input, ClaimsPrincipal user, CancellationToken ct)
    {
        var draft = await LoadAsync(id, user, ct);
        if (input is null || draft.CaseNumber is not null) return draft;
        draft.Save(input.FormValues, clock.UtcNow);
        await db.SaveChangesAsync(ct);
        return draft;
    }

    /// <summary>What the draft applies for: its item, or its bundle's items (404 when it can no longer be applied for).</summary>
    public async Task<ApplicationTarget> TargetAsync(Draft draft, CancellationToken ct) =>
        draft.BundleCode is { } bundle ? await FindBundleAsync(bundle, ct) : ApplicationTarget.Of(await FindItemAsync(draft.ItemCode, ct));

    /// <summary>The bundle or the item of <paramref name="code"/>: what staff apply for on someone's behalf.</summary>
    public async Task<ApplicationTarget> FindTargetAsync(string? code, bool bundle, CancellationToken ct) =>
        bundle ? await FindBundleAsync((code ?? "").Trim(), ct) : ApplicationTarget.Of(await FindItemAsync((code ?? "").Trim(), ct));

    public async Task<ApplicationTarget> FindBundleAsync(string code, CancellationToken ct) =>
        await items.FindBundleAsync(code, ct) is { } bundle ? ApplicationTarget.Of(bundle)
            : throw new DomainException(new DomainError("bundle.not_applicable", $"一件事“{code}”不存在或当前不可申请",
                $"The bundle '{code}' does not exist or cannot be applied for now", ErrorKind.NotFound, "bundle_code"));

    public async Task<ApplicableItem> FindItemAsync(string itemCode, CancellationToken ct) =>
        await items.FindApplicableAsync(itemCode, ct) ?? throw SubmitApplication.SubmitApplication.NotApplicable(itemCode);
}
