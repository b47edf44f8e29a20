using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongban.Kernel.Errors;
using Tongban.Kernel.Security;
using Tongban.Kernel.Time;
using Tongban.Licenses.Domain;
using Tongban.Licenses.Features.IssueLicenses;
using Tongban.Licenses.Features.ManageTypes;

namespace Tongban.Licenses.Features.Admin;

/// <summary>What the issuing form posts: the holder, number, dates and the type's fields by key, and the form's one-time key.</summary>
[ValidateNever]
internal sealed class IssueInput
{
    public string? HolderCode { get; set; }
    public string? HolderName { get; set; }
    public string? Number { get; set; }
    public DateOnly? IssuedOn { get; set; }
    public DateOnly? ValidUntil { get; set; }
    public Dictionary<string, string?> Fields { get; set; } = [];

    /// <summary>Made when the form is shown: posting the same form twice (a double click) issues one license.</summary>
    public Guid Once { get; set; }
}

/// <summary>
/// Issuing a license by hand (手工颁证): a license administrator of an issuing authority picks one of the published types
/// their department issues and fills a form built from the type's fields; <see cref="IssueLicense"/> checks everything
/// (the holder's code and kind, the fields by the kernel's form rules, the dates) and issues in their department's name
/// only. Someone of another authority — or a region-wide administrator, who acts for no authority — is refused on the page.
/// </summary>
[Authorize(Policy = Policies.LicenseAdministrator)]
internal sealed class IssueModel(IssueLicense issue, TypeDirectory types, RegionClock clock) : PageModel
{
    /// <summary>The published types the officer's department issues (the choice before the form).</summary>
    public IReadOnlyList<PublishedType> Issuable { get; private set; } = [];

    /// <summary>The chosen type, once one is.</summary>
    public PublishedType? Chosen { get; private set; }

    public string? Authority => Officers.Of(User).Authority;

    [FromQuery(Name = "type")] public string? TypeCode { get; set; }
    [BindProperty] public IssueInput Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        Input = new IssueInput { IssuedOn = clock.Today, Once = Guid.NewGuid() };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Chosen is null) throw new DomainException(DomainError.NotFound("该证照类型", "The license type"));
        var once = Input.Once == Guid.Empty ? null : $"hand:{Input.Once:N}";
        var license = await issue.IssueAsync(Chosen.Code, Authority ?? "", new LicenseInput(Input.HolderCode, Input.HolderName, Input.Number,
            Input.IssuedOn, Input.ValidUntil, Input.Fields), Officers.Of(User), LicenseSource.Hand, once, ct);
        return Redirect($"/admin/licenses/records/{Uri.EscapeDataString(license.Identifier)}");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var published = await types.PublishedAsync(ct);
        Issuable = [.. published.Where(t => Authority is { } a && t.Definition.IssuingAuthorities.Contains(a, StringComparer.Ordinal)).OrderBy(t => t.Definition.Name, StringComparer.Ordinal)];
        // Any published type can be chosen: issuing refuses one the department does not issue, on the page.
        Chosen = published.FirstOrDefault(t => string.Equals(t.Code, TypeCode?.Trim(), StringComparison.OrdinalIgnoreCase));
    }
}
