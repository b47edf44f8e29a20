using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Tongban.Kernel.Security;
using Tongban.Organization.Contracts;
using Tongban.Sharing.Domain;

namespace Tongban.Sharing.Features.ManageResources;

/// <summary>One resource: its published copy, the working copy to edit, and the review and withdrawal actions.</summary>
[Authorize(Policy = Policies.DataAdministrator)]
internal sealed class ResourceModel(IOrganizationDirectory organization, ManageResources manage, CatalogKeepers keepers) : ResourcePageModel(organization)
{
    public DataResource Resource { get; private set; } = null!;

    /// <summary>Only the catalog keepers review; a department's administrator is told who will.</summary>
    public bool KeepsCatalog => keepers.Include(SharingActor.Of(User));

    [BindProperty] public string? Opinion { get; set; }
    [BindProperty] public string? Reason { get; set; }

    public async Task OnGetAsync(string code, CancellationToken ct)
    {
        await LoadAsync(code, ct);
        Input = ResourceForm.From(Resource.Code, Resource.Working);
        AddSpareRows();
    }

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken ct)
    {
        await LoadAsync(code, ct);
        AddSpareRows();
        await manage.EditAsync(code, Input, SharingActor.Of(User), ct);
        return Redirect($"/admin/sharing/resources/{Resource.Code}");
    }

    public async Task OnPostAddRowsAsync(string code, CancellationToken ct)
    {
        await LoadAsync(code, ct);
        ModelState.Clear();
        AddSpareRows();
    }

    public Task<IActionResult> OnPostSubmitAsync(string code, CancellationToken ct) => Act(code, () => manage.SubmitAsync(code, SharingActor.Of(User), ct), ct);

    public Task<IActionResult> OnPostApproveAsync(string code, CancellationToken ct) => Act(code, () => manage.ApproveAsync(code, SharingActor.Of(User), ct), ct);

    public Task<IActionResult> OnPostReturnAsync(string code, CancellationToken ct) => Act(code, () => manage.ReturnAsync(code, Opinion ?? "", SharingActor.Of(User), ct), ct);

    public Task<IActionResult> OnPostWithdrawAsync(string code, CancellationToken ct) => Act(code, () => manage.WithdrawAsync(code, Reason ?? "", SharingActor.Of(User), ct), ct);

    /// <summary>Loads the page first so that a refused action shows it again with its message.</summary>
    private async Task<IActionResult> Act(string code, Func<Task<DataResource>> action, CancellationToken ct)
    {
        await LoadAsync(code, ct);
        Input = ResourceForm.From(Resource.Code, Resource.Working);
        AddSpareRows();
        await action();
        return Redirect($"/admin/sharing/resources/{Resource.Code}");
    }

    private async Task LoadAsync(string code, CancellationToken ct)
    {
        Resource = await manage.LoadAsync(code, SharingActor.Of(User), ct);
        await LoadDepartmentsAsync(Resource.ProviderCreditCode, ct);
    }
}
