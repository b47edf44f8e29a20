using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongban.Applications.Features.ApplyOnline;
using Tongban.Catalog.Contracts;
using Tongban.Identity.Contracts;
using Tongban.Kernel.Security;

namespace Tongban.Applications.Features.RegisterWalkIn;

/// <summary>
/// 窗口收件 in two steps: the applicant's ID number and the item (the lookup is audited; the page then shows the
/// number masked and carries it only in the posted form), then the item's form and materials.
/// </summary>
[Authorize(Policy = StaffPolicies.WalkIn)]
internal sealed class WalkInModel(RegisterWalkIn handler, ApplyOnline.ApplyOnline items) : PageModel
{
    [BindProperty] public WalkInInput Input { get; set; } = new();

    public AccountInfo? Applicant { get; private set; }
    public ApplicableItem? Item { get; private set; }

    public void OnGet() => Input.Key = Guid.NewGuid().ToString("N");

    public async Task<IActionResult> OnPostFindAsync(CancellationToken ct)
    {
        Item = await items.FindItemAsync((Input.ItemCode ?? "").Trim(), ct);
        Applicant = await handler.FindApplicantAsync(Input.IdNumber, RegisterWalkIn.WalkInPurpose(Item.ImplementationCode), User, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostSubmitAsync(CancellationToken ct)
    {
        Item = await items.FindItemAsync((Input.ItemCode ?? "").Trim(), ct);
        var (@case, _) = await handler.SubmitAsync(Input, User, ct);
        return Redirect($"/admin/cases/{@case.Number}");
    }
}
