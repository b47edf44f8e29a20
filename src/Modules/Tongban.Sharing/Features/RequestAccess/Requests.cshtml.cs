using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Tongban.Kernel.Security;
using Tongban.Kernel.Time;
using Tongban.Organization.Contracts;
using Tongban.Sharing.Data;
using Tongban.Sharing.Domain;

namespace Tongban.Sharing.Features.RequestAccess;

/// <summary>Request access (choose a resource, then its items), and decide pending requests.</summary>
[Authorize(Policy = Policies.DataAdministrator)]
internal sealed class RequestsModel(SharingDbContext db, IOrganizationDirectory organization, RequestAccess handler, RegionClock clock) : PageModel
{
    [BindProperty] public RequestForm Input { get; set; } = new();
    [BindProperty] public string? Reason { get; set; }

    public IReadOnlyList<DepartmentInfo> Departments { get; private set; } = [];

    /// <summary>The departments the administrator may request for: their own, or all for a catalog keeper.</summary>
    public IReadOnlyList<DepartmentInfo> Consumers { get; private set; } = [];
    public IReadOnlyList<(string Code, string Name, SharingType SharingType)> Published { get; private set; } = [];
    public ResourceDetails? Chosen { get; private set; }
    public IReadOnlyList<AccessRequest> Pending { get; private set; } = [];
    public IReadOnlyList<AccessRequest> Decided { get; private set; } = [];

    public string DepartmentName(string creditCode) => Departments.FirstOrDefault(d => d.CreditCode == creditCode)?.Name ?? creditCode;

    public async Task OnGetAsync(string? resource, CancellationToken ct)
    {
        Input.ResourceCode = resource ?? "";
        Input.ValidFrom = clock.Today;
        Input.ValidUntil = clock.Today.AddYears(1).AddDays(-1);
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        var request = await handler.CreateAsync(Input, SharingActor.Of(User), ct);
        return Redirect($"/admin/sharing/requests#request-{request.Id.Value}");
    }

    public Task<IActionResult> OnPostApproveAsync(Guid id, CancellationToken ct) => Act(() => handler.ApproveAsync(id, SharingActor.Of(User), ct), ct);

    public Task<IActionResult> OnPostDeclineAsync(Guid id, CancellationToken ct) => Act(() => handler.DeclineAsync(id, Reason ?? "", SharingActor.Of(User), ct), ct);

    private async Task<IActionResult> Act(Func<Task<AccessRequest>> action, CancellationToken ct)
    {
        await LoadAsync(ct);
        await action();
        return Redirect("/admin/sharing/requests");
    }

    /// <summary>Whether the signed-in administrator decides the request: only its provider does.</summary>
    public bool MayDecide(AccessRequest request) => SharingActor.Of(User).ActsFor(request.ProviderCreditCode);

    private async Task LoadAsync(CancellationToken ct)
    {
        var actor = SharingActor.Of(User);
        Departments = await organization.ListDepartmentsAsync(null, ct);
        Consumers = [.. Departments.Where(d => actor.ActsFor(d.CreditCode))];
        var published = await db.Resources.AsNoTracking().Where(r => r.Live != null).OrderBy(r => r.Code).Select(r => new { r.Code, r.Live }).ToListAsync(ct);
        Published = [.. published.Select(r => (r.Code, r.Live!.Name, r.Live.SharingType))];
        var code = Input.ResourceCode?.Trim().ToUpperInvariant();
        Chosen = published.FirstOrDefault(r => r.Code == code)?.Live;
        var visible = RequestAccess.Visible(db.Requests.AsNoTracking(), actor);
        Pending = await visible.Where(r => r.Status == RequestStatus.Pending).OrderBy(r => r.RequestedAt).ToListAsync(ct);
        Decided = await visible.Where(r => r.Status != RequestStatus.Pending).OrderByDescending(r => r.DecidedAt).Take(20).ToListAsync(ct);
    }
}
