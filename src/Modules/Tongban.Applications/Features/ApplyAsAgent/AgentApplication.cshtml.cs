using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongban.Applications.Features.ViewCase;
using Tongban.Catalog.Contracts;
using Tongban.Identity.Contracts;
using Tongban.Kernel.Security;

namespace Tongban.Applications.Features.ApplyAsAgent;

/// <summary>
/// 驿站代办 in two steps: the principal's ID number and the item (the lookup audited with its purpose; afterwards only
/// the account id travels, and the number is shown masked), whether an authorisation is in force, then the item's form
/// and materials. The case is the principal's; it records the agent, the station and the visit.
/// </summary>
[Authorize(Policy = Policies.StationAgent)]
internal sealed class AgentApplicationModel(ApplyAsAgent handler, RegisterWalkIn.RegisterWalkIn lookup, IAccountDirectory accounts,
    IProxyAuthorisations authorisations, ApplyOnline.ApplyOnline items) : PageModel
{
    [BindProperty] public AgentPageInput Input { get; set; } = new();

    public AccountInfo? Principal { get; private set; }
    public ApplicableItem? Item { get; private set; }
    public ProxyAuthorisationInfo? Authorisation { get; private set; }

    public void OnGet() => Input.Key = Guid.NewGuid().ToString("N");

    public async Task<IActionResult> OnPostFindAsync(CancellationToken ct)
    {
        Item = await items.FindItemAsync((Input.ItemCode ?? "").Trim(), ct);
        Principal = await lookup.FindApplicantAsync(Input.IdNumber, $"驿站代办 agent application for {Item.ImplementationCode}", User, ct);
        Input.IdNumber = null; // not sent back: the next step carries the account id only
        Input.PrincipalAccountId = Principal.Id;
        Authorisation = await authorisations.FindInForceAsync(Applicants.IdOf(User), Principal.Id, Item.ImplementationCode, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostSubmitAsync(CancellationToken ct)
    {
        Item = await items.FindItemAsync((Input.ItemCode ?? "").Trim(), ct);
        Principal = await accounts.FindAsync(Input.PrincipalAccountId, ct);
        Authorisation = await authorisations.FindInForceAsync(Applicants.IdOf(User), Input.PrincipalAccountId, Item.ImplementationCode, ct);
        var (@case, _) = await handler.SubmitAsync(new AgentInput
        {
            PrincipalAccountId = Input.PrincipalAccountId, ItemCode = Item.ImplementationCode, Key = Input.Key, Application = Input.Application,
        }, User, ct);
        return Redirect($"/admin/cases/{@case.Number}");
    }
}

internal sealed class AgentPageInput
{
    /// <summary>Posted once, in step 1; never in a URL, never sent back to the page.</summary>
    public string? IdNumber { get; set; }

    public Guid PrincipalAccountId { get; set; }
    public string? ItemCode { get; set; }
    public string? Key { get; set; }
    public ApplyOnline.ApplicationInput Application { get; set; } = new();
}
