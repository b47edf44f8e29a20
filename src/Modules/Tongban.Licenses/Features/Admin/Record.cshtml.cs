using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongban.Kernel.Errors;
using Tongban.Kernel.Security;
using Tongban.Licenses.Data;
using Tongban.Licenses.Domain;
using Tongban.Licenses.Features.ChangeStatus;
using Tongban.Licenses.Features.ReadLicenses;
using Tongban.Organization.Contracts;

namespace Tongban.Licenses.Features.Admin;

/// <summary>The status change form: one of <see cref="LicenseStatusText.Changes"/> and the reason.</summary>
internal sealed class StatusForm
{
    public string? Action { get; set; }
    public string? Reason { get; set; }
}

/// <summary>The renewal form: renewal or change, the reason, a new end date or holder name when they change.</summary>
internal sealed class RenewForm
{
    public string? Kind { get; set; }
    public string? Reason { get; set; }
    public DateOnly? ValidUntil { get; set; }
    public string? HolderName { get; set; }
}

/// <summary>
/// One license for a license administrator of its issuing authority (a region-wide one: any; another authority's: not
/// found): the face read through its seal with the holder's number masked, the status history, the versions, the use
/// log; a status change with its reason (<see cref="ChangeLicenseStatus"/>) and a renewal or change (<see cref="RenewLicense"/>),
/// both audited by the domain. A refusal — no reason, not the issuing authority — is said beside the form.
/// </summary>
[Authorize(Policy = Policies.LicenseAdministrator)]
internal sealed class RecordModel(AdminLicenses licenses, LicenseReader reader, ChangeLicenseStatus change, RenewLicense renew,
    LicensesDbContext db, IOrganizationDirectory organization) : PageModel
{
    public LicenseView License { get; private set; } = null!;
    public License Row { get; private set; } = null!;
    public IReadOnlyList<VersionRow> Versions { get; private set; } = [];
    public IReadOnlyList<LicenseUse> Uses { get; private set; } = [];
    public AdminNames Names { get; private set; } = null!;

    [BindProperty] public StatusForm Status { get; set; } = new();
    [BindProperty] public RenewForm Renew { get; set; } = new();

    /// <summary>Whether the signed-in administrator acts for the issuing authority (only they may change the license).</summary>
    public bool MayChange => Officers.Of(User).Authority == Row.IssuerCode;

    public async Task OnGetAsync(string identifier, CancellationToken ct) => await LoadAsync(identifier, ct);

    public Task<IActionResult> OnPostStatusAsync(string identifier, CancellationToken ct) => ActAsync(identifier, nameof(Status), async () =>
        (await change.ChangeAsync(identifier, Status.Action ?? "", Status.Reason, Officers.Of(User), ct)).Identifier, ct);

    public Task<IActionResult> OnPostRenewAsync(string identifier, CancellationToken ct) => ActAsync(identifier, nameof(Renew), async () =>
        (await renew.RenewAsync(identifier, new RenewalInput(Renew.Kind, Renew.Reason, string.IsNullOrWhiteSpace(Renew.HolderName) ? null : Renew.HolderName.Trim(), Renew.ValidUntil, null),
            Officers.Of(User), ct)).Identifier, ct);

    /// <summary>Opens the license first (another authority's is not found, nothing changed), then acts; a refusal is shown on the form it came from.</summary>
    private async Task<IActionResult> ActAsync(string identifier, string form, Func<Task<string>> act, CancellationToken ct)
    {
        await LoadAsync(identifier, ct);
        try
        {
            var done = await act();
            return Redirect($"/admin/licenses/records/{Uri.EscapeDataString(done)}");
        }
        catch (DomainException e) when (e.Kind is not ErrorKind.NotFound)
        {
            foreach (var error in e.Errors)
                ModelState.AddModelError(error.Field is "reason" or "action" or "kind" or "valid_until" or "holder_name"
                    ? $"{form}.{string.Concat(error.Field.Split('_').Select(p => char.ToUpperInvariant(p[0]) + p[1..]))}" : form, error.Message);
            Response.StatusCode = DomainErrorMapping.StatusOf(e.Kind);
            db.ChangeTracker.Clear();
            await LoadAsync(identifier, ct);
            return Page();
        }
    }

    private async Task LoadAsync(string identifier, CancellationToken ct)
    {
        License = await licenses.OpenAsync(identifier, Officers.Of(User), ct);
        Row = await reader.GetAsync(identifier, ct);
        Versions = await licenses.VersionsAsync(Row, ct);
        Uses = await reader.UsesAsync(Row.Id, ct);
        Names = await AdminNames.LoadAsync(db, organization, ct);
    }
}
