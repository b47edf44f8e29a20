using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongban.Applications.Features.ViewCase;
using Tongban.Applications.Features.SubmitApplication;
using Tongban.Identity.Contracts;
using Tongban.Kernel.Security;

namespace Tongban.Applications.Features.ApplyAsAgent;

/// <summary>
/// 驿站代办 in two steps: the principal's ID number and the item or bundle (the lookup audited with its purpose; afterwards only
/// the account id travels, and the number is shown masked), whether an authorisation is in force (for a bundle: for each item, or the first item without one named), then the form
/// and materials. The case is the principal's; it records the agent, the station and the visit.
/// </summary>
[Authorize(Policy = Policies.StationAgent)]
internal sealed class AgentApplicationModel(ApplyAsAgent handler, RegisterWalkIn.RegisterWalkIn lookup, IAccountDirectory accounts, ApplyOnline.ApplyOnline items,
    ProvideMaterials.UseLicense licenses) : PageModel
{
    [BindProperty] public AgentPageInput Input { get; set; } = new();

    public AccountInfo? Principal { get; private set; }
    public ApplicationTarget? Target { get; private set; }
    public AgentAuthorisation? Authorisation { get; private set; }

    /// <summary>The materials an electronic license may stand in for: looked up once the principal agrees in person.</summary>
    public IReadOnlyDictionary<string, Contracts.MaterialLicenseType> LicenseTypes { get; private set; } = new Dictionary<string, Contracts.MaterialLicenseType>();

    private bool Bundle => !string.IsNullOrWhiteSpace(Input.BundleCode);

    public void OnGet() => Input.Key = Guid.NewGuid().ToString("N");

    public async Task<IActionResult> OnPostFindAsync(CancellationToken ct)
    {
        Target = await items.FindTargetAsync(Bundle ? Input.BundleCode : Input.ItemCode, Bundle, ct);
        Principal = await lookup.FindApplicantAsync(Input.IdNumber, $"驿站代办 agent application for {Target.Code}", User, ct);
        Input.IdNumber = null; // not sent back: the next step carries the account id only
        Input.PrincipalAccountId = Principal.Id;
        Authorisation = await handler.AuthorisationAsync(Applicants.IdOf(User), Principal.Id, Target, ct);
        LicenseTypes = await licenses.TypesAsync(Target.Materials, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostSubmitAsync(CancellationToken ct)
    {
        Target = await items.FindTargetAsync(Bundle ? Input.BundleCode : Input.ItemCode, Bundle, ct);
        Principal = await accounts.FindAsync(Input.PrincipalAccountId, ct);
        Authorisation = await handler.AuthorisationAsync(Applicants.IdOf(User), Input.PrincipalAccountId, Target, ct);
        LicenseTypes = await licenses.TypesAsync(Target.Materials, ct); // shown again when refused
        var (cases, _) = await handler.SubmitAsync(new AgentInput
        {
            PrincipalAccountId = Input.PrincipalAccountId, ItemCode = Input.ItemCode, BundleCode = Input.BundleCode, Key = Input.Key, Application = Input.Application, Licenses = Input.Licenses,
        }, Bundle, User, ct);
        return Redirect($"/admin/cases/{cases[0].Number}");
    }
}

internal sealed class AgentPageInput
{
    /// <summary>Posted once, in step 1; never in a URL, never sent back to the page.</summary>
    public string? IdNumber { get; set; }

    public Guid PrincipalAccountId { get; set; }
    public string? ItemCode { get; set; }
    public string? BundleCode { get; set; }
    public string? Key { get; set; }
    public ApplyOnline.ApplicationInput Application { get; set; } = new();
    public List<string>? Licenses { get; set; }
}
