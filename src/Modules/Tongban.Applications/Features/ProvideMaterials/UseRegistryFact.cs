using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Tongban.Applications.Data;
using Tongban.Applications.Domain;
using Tongban.Catalog.Contracts;
using Tongban.Identity.Contracts;
using Tongban.Kernel.Errors;
using Tongban.Kernel.Time;

namespace Tongban.Applications.Features.ProvideMaterials;

/// <summary>A registry fact asked for a material: whose applicant, for which draft or case, read for which department and item.</summary>
internal sealed record FactRequest(Guid Applicant, string Holder, string Department, string ItemName, ApplicableMaterial Material);

/// <summary>What a case page offers for the materials the case awaits: which may come from a registry, the previews waiting, the enterprises to choose from.</summary>
internal sealed record AwaitedFacts(IReadOnlySet<string> Keys, IReadOnlyList<FactPreview> Previews, IReadOnlyList<EnterpriseInfo> Enterprises);

/// <summary>
/// A registry fact in place of a paper material (一次不用跑 / 免提交). Only when the applicant asks is their record read —
/// one read, logged by the registries with its purpose ("申办{item}：{material}") — and shown; the value shown is kept on the
/// server (<see cref="FactPreview"/>). Agreeing attaches exactly that value without reading again; refusing drops it and
/// attaches nothing; asking to use it without ticking the agreement is refused and the preview stays. A fact about an
/// enterprise is read by the enterprise's credit code (<see cref="FactSubjects"/>), never by the person's ID number.
/// </summary>
internal sealed class UseRegistryFact(ApplicationsDbContext db, ProvideMaterials materials, ApplyOnline.ApplyOnline drafts, FactSubjects subjects, RegionClock clock)
{
    public async Task<FactSnapshot> PreviewAsync(Guid draftId, string key, string? enterprise, ClaimsPrincipal user, CancellationToken ct) =>
        await PreviewAsync((await RequestAsync(draftId, key, user, ct)).Request, enterprise, ct);

    public async Task<MaterialRef> UseAsync(Guid draftId, string key, bool? agreed, string? enterprise, ClaimsPrincipal user, CancellationToken ct)
    {
        var (draft, request) = await RequestAsync(draftId, key, user, ct);
        return await materials.AttachAsync(draft, await AgreedAsync(request, agreed, enterprise, ct), ct); // saves the preview's removal with the material
    }

    public async Task DeclineAsync(Guid draftId, string key, ClaimsPrincipal user, CancellationToken ct) =>
        await DiscardAsync((await RequestAsync(draftId, key, user, ct)).Request, ct);

    /// <summary>The previews waiting for the applicant's answer on a draft or a case (<see cref="FactPreview.OfDraft"/>, <see cref="FactPreview.OfCase"/>).</summary>
    public async Task<IReadOnlyList<FactPreview>> PendingAsync(string holder, CancellationToken ct)
    {
        var stale = clock.UtcNow - FactPreview.FreshFor;
        return await db.FactPreviews.AsNoTracking().Where(p => p.Holder == holder && p.ReadAt >= stale).ToListAsync(ct);
    }

    /// <summary>For a case awaiting materials: the item's materials a registry record may stand in for, with what waits for an answer.</summary>
    public async Task<AwaitedFacts> AwaitedByAsync(Case @case, CancellationToken ct)
    {
        ApplicableItem item;
        try { item = await drafts.FindItemAsync(@case.ItemCode, ct); }
        catch (DomainException) { return new AwaitedFacts(new HashSet<string>(), [], []); } // an item no longer in effect offers no record
        var facts = item.Materials.Where(m => m.RegistryFact is not null).ToList();
        var enterprises = facts.Any(m => FactSubjects.IsAboutEnterprise(m.RegistryFact!)) ? await subjects.EnterprisesAsync(@case.ApplicantId, ct) : [];
        return new AwaitedFacts(facts.Select(m => m.Key).ToHashSet(), await PendingAsync(FactPreview.OfCase(@case.Number), ct), enterprises);
    }

    public Task<IReadOnlyList<EnterpriseInfo>> EnterprisesAsync(Guid applicant, CancellationToken ct) => subjects.EnterprisesAsync(applicant, ct);

    /// <summary>Reads the record (one logged read) and keeps what was read as the preview of the material, replacing an earlier one.</summary>
    public async Task<FactSnapshot> PreviewAsync(FactRequest request, string? enterprise, CancellationToken ct)
    {
        var subject = await subjects.ChooseAsync(request, enterprise, ct);
        var snapshot = await subjects.ReadAsync(request, subject, ct);
        // The record shown last time for this material goes, and so does whatever the applicant left unanswered too long ago.
        var stale = clock.UtcNow - FactPreview.FreshFor;
        await db.FactPreviews.Where(p => (p.Holder == request.Holder && p.MaterialKey == request.Material.Key) || (p.ApplicantId == request.Applicant && p.ReadAt < stale))
            .ExecuteDeleteAsync(ct);
        var preview = db.FactPreviews.Add(FactPreview.Read(request.Applicant, request.Holder, request.Material.Key, subject.CreditCode, snapshot, clock.UtcNow));
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException) { preview.State = EntityState.Detached; } // a double click: the other request's preview, read just now, stands
        return snapshot;
    }

    /// <summary>The previewed fact as a material, once the applicant ticked their agreement; read now only when nothing was previewed.</summary>
    public async Task<MaterialRef> AgreedAsync(FactRequest request, bool? agreed, string? enterprise, CancellationToken ct)
    {
        var material = request.Material;
        if (agreed != true)
            throw new DomainException(new DomainError("material.consent_required", $"请先勾选同意使用登记信息作为“{material.Name}”",
                $"Tick your agreement to use the registry record as '{material.Name}' first", Field: $"facts.{material.Key}"));
        var preview = await db.FactPreviews.SingleOrDefaultAsync(p => p.Holder == request.Holder && p.MaterialKey == material.Key, ct);
        if (preview is null)
            return Material(material, await subjects.ReadAsync(request, await subjects.ChooseAsync(request, enterprise, ct), ct));
        db.FactPreviews.Remove(preview);
        if (preview.IsFreshAt(clock.UtcNow)) return Material(material, preview.Snapshot);
        await db.SaveChangesAsync(ct);
        throw new DomainException(new DomainError("material.preview_expired", $"“{material.Name}”的预览已超过{FactPreview.FreshFor.TotalMinutes:0}分钟，请重新查看后再同意",
            $"The preview of '{material.Name}' is older than {FactPreview.FreshFor.TotalMinutes:0} minutes; look at it again, then agree", ErrorKind.Conflict, $"facts.{material.Key}"));
    }

    /// <summary>The applicant refused: the preview goes, and nothing is attached.</summary>
    public async Task DiscardAsync(FactRequest request, CancellationToken ct) =>
        await db.FactPreviews.Where(p => p.Holder == request.Holder && p.MaterialKey == request.Material.Key).ExecuteDeleteAsync(ct);

    private static MaterialRef Material(ApplicableMaterial material, FactSnapshot fact) =>
        new(material.Key, material.RegistryFact!, MaterialSource.RegistryFact, Fact: fact);

    /// <summary>Who reads for a draft: the item's department; for a bundle, the first item's department needing the material.</summary>
    private async Task<(Draft Draft, FactRequest Request)> RequestAsync(Guid draftId, string key, ClaimsPrincipal user, CancellationToken ct)
    {
        var (draft, material) = await materials.FindAsync(draftId, key, user, ct);
        var target = await drafts.TargetAsync(draft, ct);
        return (draft, new FactRequest(draft.ApplicantId, FactPreview.OfDraft(draft.Id.Value), target.ItemNeeding(key).DepartmentCreditCode, target.Name, material));
    }
}
