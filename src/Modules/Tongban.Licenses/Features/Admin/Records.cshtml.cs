using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongban.Kernel.Identifiers;
using Tongban.Kernel.Localization;
using Tongban.Kernel.Security;
using Tongban.Licenses.Data;
using Tongban.Licenses.Domain;
using Tongban.Licenses.Features.ReadLicenses;
using Tongban.Organization.Contracts;

namespace Tongban.Licenses.Features.Admin;

/// <summary>
/// Finding licenses of the administrator's authority (a region-wide administrator: all): by identifier (its check
/// character verified, a wrong one named on the page), by type and status (in the address), by the holder's ID number or
/// credit code — posted, never in an address, and never shown back whole.
/// </summary>
[Authorize(Policy = Policies.LicenseAdministrator)]
internal sealed class RecordsModel(AdminLicenses licenses, LicenseReader reader, LicensesDbContext db, IOrganizationDirectory organization) : PageModel
{
    public IReadOnlyList<LicenseRow> Rows { get; private set; } = [];
    public AdminNames Names { get; private set; } = null!;
    public string? HolderShown { get; private set; }

    [BindProperty(SupportsGet = true, Name = "type")] public string? TypeCode { get; set; }
    [BindProperty(SupportsGet = true, Name = "status")] public string? Status { get; set; }
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;
    [BindProperty] public string? Identifier { get; set; }
    [BindProperty] public string? HolderCode { get; set; }

    /// <summary>The statuses the filter offers, by code (the address) and label (the page).</summary>
    public static readonly IReadOnlyList<LicenseStatus> Statuses =
        [LicenseStatus.Valid, LicenseStatus.Suspended, LicenseStatus.Revoked, LicenseStatus.Cancelled, LicenseStatus.Expired, LicenseStatus.RevokedAsPenalty, LicenseStatus.Replaced];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(new LicenseFilter(TypeCode, Status), Math.Clamp(PageNumber, 1, 10_000), ct);

    public async Task<IActionResult> OnPostFindAsync(CancellationToken ct)
    {
        if (!LicenseIdentifier.TryParse(Identifier, out var id, out var error))
            ModelState.AddModelError(nameof(Identifier), error!.Message);
        else if (await reader.FindAsync(id.ToString(), ct) is { } found && (Officers.Of(User).Authority is null || Officers.Of(User).Authority == found.IssuerCode))
            return Redirect($"/admin/licenses/records/{Uri.EscapeDataString(found.Identifier)}");
        else
            ModelState.AddModelError(nameof(Identifier), Text.T("本机构没有这一证照", "Your authority has no license with this identifier"));
        return await RefusedAsync(ct);
    }

    public async Task<IActionResult> OnPostHolderAsync(CancellationToken ct)
    {
        var code = (HolderCode ?? "").Trim().ToUpperInvariant();
        var person = ResidentIdNumber.TryParse(code, out _, out _);
        if (person || CreditCode.TryParse(code, out _, out _))
        {
            HolderShown = person ? ResidentIdNumber.Mask(code) : code;
            HolderCode = null; // the form is shown empty again: the number stays off the page
            await LoadAsync(new LicenseFilter(TypeCode, Status, code), 1, ct);
            return Page();
        }
        ModelState.AddModelError(nameof(HolderCode), code.Length == 0
            ? Text.T("请输入持证主体的身份证号码或统一社会信用代码", "Enter the holder's ID number or unified social credit code")
            : Text.T("这不是有效的身份证号码或统一社会信用代码（请核对校验位）", "This is neither a valid ID number nor a valid credit code (check the last character)"));
        HolderCode = null;
        return await RefusedAsync(ct);
    }

    private async Task<IActionResult> RefusedAsync(CancellationToken ct)
    {
        await LoadAsync(new LicenseFilter(TypeCode, Status), 1, ct);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    private async Task LoadAsync(LicenseFilter filter, int page, CancellationToken ct)
    {
        Names = await AdminNames.LoadAsync(db, organization, ct);
        Rows = await licenses.ListAsync(Officers.Of(User), filter, page, ct);
    }
}
