using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Tongban.Kernel.Security;
using Tongban.Organization.Contracts;
using Tongban.Sharing.Domain;

namespace Tongban.Sharing.Features.ManageResources;

[Authorize(Policy = Policies.DataAdministrator)]
internal sealed class NewResourceModel(IOrganizationDirectory organization, ManageResources manage) : ResourcePageModel(organization)
{
    public async Task OnGetAsync(string? provider, CancellationToken ct)
    {
        await LoadDepartmentsAsync(null, ct);
        Input.ProviderCreditCode = provider ?? "";
        AddSpareRows();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadDepartmentsAsync(null, ct);
        AddSpareRows(); // shown again with spare rows should the registration be refused
        var resource = await manage.RegisterAsync(Input, SharingActor.Of(User), ct);
        return Redirect($"/admin/sharing/resources/{resource.Code}");
    }

    public async Task OnPostAddRowsAsync(CancellationToken ct)
    {
        await LoadDepartmentsAsync(null, ct);
        ModelState.Clear();
        AddSpareRows();
    }
}
