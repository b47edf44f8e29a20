using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongban.Applications.Features.ApplyOnline;
using Tongban.Applications.Features.SubmitApplication;
using Tongban.Identity.Contracts;
using Tongban.Kernel.Security;

namespace Tongban.Applications.Features.RegisterWalkIn;

/// <summary>
/// 窗口收件 in two steps: the applicant's ID number and the item or bundle (the lookup is audited; the page then shows the
/// number masked and carries it only in the posted form), then the item's form and materials.
/// </summary>
[Authorize(Policy = StaffPolicies.WalkIn)]
internal sealed class WalkInModel(RegisterWalkIn handler, ApplyOnline.ApplyOnline items, ProvideMaterials.UseLicense licenses) : PageModel
{
    [BindProperty] public WalkInInput Input { get; set; } = new();

    public AccountInfo? Applicant { get; private set; }
    public ApplicationTarget? Target { get; private set; }

    /// <summary>The materials an electronic license may stand in for: the clerk looks it up once the applicant agrees.</summary>
    public IReadOnlyDictionary<string, Contracts.MaterialLicenseType> LicenseTypes { get; private set; } = new Dictionary<string, Contracts.MaterialLicenseType>();

    private bool Bundle => !string.IsNullOrWhiteSpace(Input.BundleCode);

    /// <summary>A fresh form; the hall, <paramref name="window"/> and ticket come filled in when the clerk starts from a called ticket (halls).</summary>
    public void OnGet(string? hall, string? window, string? ticket) => (Input.Key, Input.Hall, Input.Window, Input.Ticket) =
        (Guid.NewGuid().ToString("N"), HallTickets.Short(hall, 60), HallTickets.Short(window, 20), HallTickets.Short(ticket, 8));

    public async Task<IActionResult> OnPostFindAsync(CancellationToken ct)
    {
        Target = await items.FindTargetAsync(Bundle ? Input.BundleCode : Input.ItemCode, Bundle, ct);
        await handler.TicketAsync(Input, User, ct); // the ticket is still at the window: said before the form is filled in
        Applicant = await handler.FindApplicantAsync(Input.IdNumber, RegisterWalkIn.WalkInPurpose(Target.Code), User, ct);
        LicenseTypes = await licenses.TypesAsync(Target.Materials, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostSubmitAsync(CancellationToken ct)
    {
        Target = await items.FindTargetAsync(Bundle ? Input.BundleCode : Input.ItemCode, Bundle, ct);
        LicenseTypes = await licenses.TypesAsync(Target.Materials, ct); // shown again when refused
        var (cases, _) = await handler.SubmitAsync(Input, Bundle, User, ct);
        return Redirect($"/admin/cases/{cases[0].Number}");
    }
}
