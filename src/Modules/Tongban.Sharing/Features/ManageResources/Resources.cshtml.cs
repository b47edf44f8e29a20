using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Tongban.Kernel.Security;
using Tongban.Organization.Contracts;
using Tongban.Sharing.Data;
using Tongban.Sharing.Domain;

namespace Tongban.Sharing.Features.ManageResources;

[Authorize(Policy = Policies.DataAdministrator)]
internal sealed class ResourcesModel(SharingDbContext db, IOrganizationDirectory organization, CatalogKeepers keepers) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Provider { get; set; }
    [BindProperty(SupportsGet = true)] public ResourceStatus? Status { get; set; }

    public IReadOnlyList<ResourceRow> Resources { get; private set; } = [];
    public IReadOnlyList<DepartmentInfo> Departments { get; private set; } = [];

    public string DepartmentName(string creditCode) => Departments.FirstOrDefault(d => d.CreditCode == creditCode) is { } d ? Kernel.Localization.Text.Pick(d.Name, d.NameEn) : creditCode;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var actor = SharingActor.Of(User);
        Departments = [.. (await organization.ListDepartmentsAsync(null, ct)).Where(d => keepers.See(actor, d.CreditCode))];
        Resources = await ResourceEndpoints.Query(db, Provider, Status, actor, keepers).ToListAsync(ct);
    }
}
