using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongban.Kernel.Security;
using Tongban.Organization.Contracts;
using Tongban.Sharing.Domain;
using Tongban.Sharing.Features.LookUpGrants;

namespace Tongban.Sharing.Features.ManageGrants;

[Authorize(Policy = Policies.DataAdministrator)]
internal sealed class GrantsModel(ManageGrants manage, IOrganizationDirectory organization) : PageModel
{
    [BindProperty(SupportsGet = true)] public GrantState? State { get; set; }
    [BindProperty] public string? Reason { get; set; }

    public IReadOnlyList<(GrantView Grant, GrantState State)> Grants { get; private set; } = [];
    public IReadOnlyDictionary<string, string> Names { get; private set; } = new Dictionary<string, string>();

    /// <summary>Whether the signed-in administrator may revoke the grant: only its provider may.</summary>
    public bool MayRevoke(GrantView grant) => SharingActor.Of(User).ActsFor(grant.ProviderCreditCode);

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostRevokeAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(ct);
        await manage.RevokeAsync(id, Reason ?? "", SharingActor.Of(User), ct);
        return Redirect("/admin/sharing/grants");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Grants = await manage.ListAsync(State, SharingActor.Of(User), ct);
        Names = (await organization.ListDepartmentsAsync(null, ct)).ToDictionary(d => d.CreditCode, d => d.Name);
    }
}
