using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongban.Organization.Contracts;
using Tongban.Sharing.Domain;

namespace Tongban.Sharing.Features.ManageResources;

/// <summary>What the register and edit pages share: the bound form, the departments to choose from, spare item rows.</summary>
internal abstract class ResourcePageModel(IOrganizationDirectory organization) : PageModel
{
    public const int SpareRows = 3;

    [BindProperty]
    public ResourceForm Input { get; set; } = new();

    public IReadOnlyList<DepartmentInfo> Departments { get; private set; } = [];

    /// <summary>Without JavaScript, more item rows come from a round trip: what was typed stays, three blank rows are added.</summary>
    protected void AddSpareRows()
    {
        Input.Items.RemoveAll(i => i.IsBlank);
        for (var i = 0; i < SpareRows; i++) Input.Items.Add(new ItemForm());
    }

    /// <summary>The departments to choose from: those the signed-in administrator acts for, and the provider of the resource shown.</summary>
    protected async Task LoadDepartmentsAsync(string? provider, CancellationToken ct)
    {
        var actor = SharingActor.Of(User);
        Departments = [.. (await organization.ListDepartmentsAsync(null, ct)).Where(d => actor.ActsFor(d.CreditCode) || d.CreditCode == provider)];
    }
}
