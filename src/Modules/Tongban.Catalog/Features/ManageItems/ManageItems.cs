using Microsoft.EntityFrameworkCore;
using Tongban.Catalog.Data;
using Tongban.Catalog.Domain;
using Tongban.Catalog.Features.ImportFeed;
using Tongban.Kernel.Audit;
using Tongban.Kernel.Errors;
using Tongban.Kernel.Outbox;
using Tongban.Kernel.Time;

namespace Tongban.Catalog.Features.ManageItems;

/// <summary>
/// The item lifecycle: a catalog administrator drafts and submits, a legality reviewer approves with an
/// effective date or returns with an opinion, an administrator suspends, resumes or abolishes with a reason.
/// Each step is an aggregate method, audited, and refreshes the public listing.
/// </summary>
internal sealed class ManageItems(CatalogDbContext db, ListingProjector listings, CatalogChanges changes, RegionClock clock)
{
    public async Task<ServiceItem> DraftAsync(FeedItem input, string actor, CancellationToken ct)
    {
        var code = input.ImplementationCode?.Trim() ?? "";
        var item = await db.Items.Include(i => i.Versions).SingleOrDefaultAsync(i => i.ImplementationCode == code, ct);
        if (item is null)
        {
            item = ServiceItem.Create(input.BasicCode ?? "", code);
            db.Items.Add(item);
        }
        var version = item.Edit(input.ToElements(), actor, clock.UtcNow);
        return await SaveAsync(item, actor, "catalog.item_drafted", $"version {version.Number}", ct);
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
        ChangeAsync(code, actor, "catalog.item_abolished", item => { item.Abolish(reason); return reason; }, ct);

    public async Task<ServiceItem> LoadAsync(string code, CancellationToken ct) =>
        await db.Items.Include(i => i.Versions).SingleOrDefaultAsync(i => i.ImplementationCode == code, ct)
        ?? throw new DomainException(DomainError.NotFound("事项", "The item"));

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
