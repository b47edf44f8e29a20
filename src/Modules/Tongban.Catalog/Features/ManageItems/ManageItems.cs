using Microsoft.EntityFrameworkCore;
using Tongban.Catalog.Data;
using Tongban.Catalog.Domain;
using Tongban.Catalog.Features.ImportFeed;
using Tongban.Kernel.Audit;
using Tongban.Kernel.Errors;
using Tongban.Kernel.Identifiers;
using Tongban.Kernel.Outbox;
using Tongban.Kernel.Time;
using Tongban.Organization.Contracts;

namespace Tongban.Catalog.Features.ManageItems;

internal sealed record ImplementationInput(string ImplementationCode, string DivisionCode, string DepartmentCreditCode);

/// <summary>
/// The item lifecycle: a catalog administrator drafts and submits, a legality reviewer approves with an
/// effective date or returns with an opinion, an administrator suspends, resumes or abolishes with a reason.
/// Each step is an aggregate method, audited, and refreshes the public listing.
/// </summary>
internal sealed class ManageItems(CatalogDbContext db, ListingProjector listings, CatalogChanges changes, RegionClock clock, IOrganizationDirectory organization)
{
    /// <summary>
    /// Drafts a new item, or a new version of the item with this implementation code; <paramref name="newItem"/>
    /// (the "new item" form) refuses a code that exists instead of changing that item.
    /// </summary>
    public async Task<ServiceItem> DraftAsync(FeedItem input, string actor, bool newItem, CancellationToken ct)
    {
        var code = input.ImplementationCode?.Trim() ?? "";
        var item = await db.Items.Include(i => i.Versions).SingleOrDefaultAsync(i => i.ImplementationCode == code, ct);
        if (item is not null && newItem) throw Duplicate(code);
        if (item is null)
        {
            item = ServiceItem.Create(input.BasicCode ?? "", code);
            db.Items.Add(item);
        }
        var elements = input.ToElements();
        if (elements.DepartmentCreditCode.Length > 0) await EnsureDepartmentAsync(elements.DepartmentCreditCode, ct);
        var version = item.Edit(elements, actor, clock.UtcNow);
        return await SaveAsync(item, actor, "catalog.item_drafted", $"version {version.Number}", ct);
    }

    /// <summary>
    /// A lower level implements a basic item: the new item starts as a draft holding the basic elements as the
    /// item in effect at <paramref name="code"/> has them; what is local — division, department, level, where
    /// and when, phones — is the implementer's to fill in before submitting.
    /// </summary>
    public async Task<ServiceItem> ImplementAsync(string code, ImplementationInput input, string actor, CancellationToken ct)
    {
        var source = await LoadAsync(code, ct);
        var elements = source.EffectiveOn(clock.Today)?.Elements
            ?? throw new DomainException(new DomainError("item.not_in_effect", "该事项没有生效的版本可供继承", "The item has no version in effect to inherit from", ErrorKind.Conflict));
        if (await db.Items.AnyAsync(i => i.ImplementationCode == input.ImplementationCode.Trim(), ct))
            throw Duplicate(input.ImplementationCode);
        if (!DivisionCode.TryParse(input.DivisionCode, out var division, out var divisionError))
            throw new DomainException(divisionError!.At("division_code"));
        var item = ServiceItem.Create(source.BasicCode, input.ImplementationCode);
        var local = elements with
        {
            DivisionCode = division.Value.Value,
            DepartmentCreditCode = input.DepartmentCreditCode.Trim().ToUpperInvariant(),
            Level = division.Value.Level switch
            {
                DivisionLevel.Province => ExerciseLevel.省,
                DivisionLevel.City => ExerciseLevel.市,
                DivisionLevel.County => ExerciseLevel.县,
                DivisionLevel.Township => ExerciseLevel.乡镇,
                _ => ExerciseLevel.村,
            },
            Places = [],
            ConsultationPhone = null,
        };
        await EnsureDepartmentAsync(local.DepartmentCreditCode, ct);
        item.Edit(local, actor, clock.UtcNow);
        db.Items.Add(item);
        return await SaveAsync(item, actor, "catalog.item_implemented", $"from {source.ImplementationCode}", ct);
    }

    public Task<ServiceItem> SubmitAsync(string code, string actor, CancellationToken ct) =>
        ChangeAsync(code, actor, "catalog.item_submitted", item => $"version {item.Submit(actor, clock.UtcNow).Number}", ct);

    public Task<ServiceItem> ApproveAsync(string code, string? opinion, DateOnly? effectiveFrom, string actor, CancellationToken ct) =>
        ChangeAsync(code, actor, "catalog.item_approved",
            item => $"version {item.Approve(actor, opinion, effectiveFrom ?? clock.Today, clock.Today, clock.UtcNow).Number} from {effectiveFrom ?? clock.Today:yyyy-MM-dd}", ct);

    public Task<ServiceItem> ReturnAsync(string code, string opinion, string actor, CancellationToken ct) =>
        ChangeAsync(code, actor, "catalog.item_returned", item => $"version {item.Return(actor, opinion, clock.UtcNow).Number}: {opinion}", ct);

    public Task<ServiceItem> SuspendAsync(string code, string reason, string actor, CancellationToken ct) =>
        ChangeAsync(code, actor, "catalog.item_suspended", item => { item.Suspend(reason); return reason; }, ct);

    public Task<ServiceItem> ResumeAsync(string code, string actor, CancellationToken ct) =>
        ChangeAsync(code, actor, "catalog.item_resumed", item => { item.Resume(); return null; }, ct);

    public Task<ServiceItem> AbolishAsync(string code, string reason, string actor, CancellationToken ct) =>
        ChangeAsync(code, actor, "catalog.item_abolished", item => { item.Abolish(reason, clock.UtcNow); return reason; }, ct);

    public async Task<ServiceItem> LoadAsync(string code, CancellationToken ct) =>
        await db.Items.Include(i => i.Versions).SingleOrDefaultAsync(i => i.ImplementationCode == code, ct)
        ?? throw new DomainException(DomainError.NotFound("事项", "The item"));

    private static DomainException Duplicate(string code) =>
        new(new DomainError("item.duplicate", $"实施编码{code}已存在", $"Implementation code {code} exists", ErrorKind.Conflict, "implementation_code"));

    private async Task EnsureDepartmentAsync(string creditCode, CancellationToken ct)
    {
        if (await organization.FindDepartmentByCreditCodeAsync(creditCode, ct) is null)
            throw new DomainException(new DomainError("item.department_unknown", $"实施主体{creditCode}不是已登记的部门",
                $"The implementing department {creditCode} is not registered", Field: "department"));
    }

    private async Task<ServiceItem> ChangeAsync(string code, string actor, string action, Func<ServiceItem, string?> change, CancellationToken ct)
    {
        var item = await LoadAsync(code, ct);
        var details = change(item);
        return await SaveAsync(item, actor, action, details, ct);
    }

    private async Task<ServiceItem> SaveAsync(ServiceItem item, string actor, string action, string? details, CancellationToken ct)
    {
        await listings.RefreshAsync([item], ct);
        db.Audit(new AuditRecord(actor, action, $"item:{item.ImplementationCode}", details, clock.UtcNow));
        await db.SaveChangesAsync(ct);
        await changes.CommittedAsync(ct);
        return item;
    }
}
