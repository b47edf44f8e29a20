using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongban.Catalog.Domain;
using Tongban.Catalog.Features.ManageItems;
using Tongban.Kernel.Security;

namespace Tongban.Catalog.Features.Admin;

/// <summary>One item's history, a diff between any two versions, and the lifecycle actions the reader's role allows.</summary>
[Authorize(Roles = $"{Policies.CatalogAdministrator},{Policies.LegalityReviewer}")]
internal sealed class ItemAdminModel(ManageItems.ManageItems manage) : PageModel
{
    public ServiceItem Item { get; private set; } = null!;
    public IReadOnlyList<FieldChange>? Diff { get; private set; }

    [BindProperty(SupportsGet = true)] public int? From { get; set; }
    [BindProperty(SupportsGet = true)] public int? To { get; set; }
    [BindProperty] public string? Opinion { get; set; }
    [BindProperty] public DateOnly? EffectiveFrom { get; set; }
    [BindProperty] public string? Reason { get; set; }

    public async Task OnGetAsync(string code, CancellationToken ct)
    {
        Item = await manage.LoadAsync(code, ct);
        var a = Item.Versions.SingleOrDefault(v => v.Number == From);
        var b = Item.Versions.SingleOrDefault(v => v.Number == To);
        if (a is not null && b is not null) Diff = ElementDiff.Between(a.Elements, b.Elements);
    }

    public Task<IActionResult> OnPostSubmitAsync(string code, CancellationToken ct) =>
        Act(code, Policies.CatalogAdministrator, () => manage.SubmitAsync(code, Actor.Of(User), ct), ct);

    public Task<IActionResult> OnPostApproveAsync(string code, CancellationToken ct) =>
        Act(code, Policies.LegalityReviewer, () => manage.ApproveAsync(code, Opinion, EffectiveFrom, Actor.Of(User), ct), ct);

    public Task<IActionResult> OnPostReturnAsync(string code, CancellationToken ct) =>
        Act(code, Policies.LegalityReviewer, () => manage.ReturnAsync(code, Opinion ?? "", Actor.Of(User), ct), ct);

    public Task<IActionResult> OnPostSuspendAsync(string code, CancellationToken ct) =>
        Act(code, Policies.CatalogAdministrator, () => manage.SuspendAsync(code, Reason ?? "", Actor.Of(User), ct), ct);

    public Task<IActionResult> OnPostResumeAsync(string code, CancellationToken ct) =>
        Act(code, Policies.CatalogAdministrator, () => manage.ResumeAsync(code, Actor.Of(User), ct), ct);

    public Task<IActionResult> OnPostAbolishAsync(string code, CancellationToken ct) =>
        Act(code, Policies.CatalogAdministrator, () => manage.AbolishAsync(code, Reason ?? "", Actor.Of(User), ct), ct);

    /// <summary>Loads the item first so that a refused action shows the page again with its message.</summary>
    private async Task<IActionResult> Act(string code, string role, Func<Task<ServiceItem>> action, CancellationToken ct)
    {
        Item = await manage.LoadAsync(code, ct);
        if (!User.IsInRole(role)) return Forbid();
        await action();
        return Redirect($"/admin/catalog/items/{code}");
    }
}
