using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongban.Kernel.Security;
using Tongban.Licenses.Data;
using Tongban.Licenses.Features.Statistics;
using Tongban.Organization.Contracts;

namespace Tongban.Licenses.Features.Admin;

/// <summary>The license library's administration: the statistics per type and authority (item 12) and the way to imports.</summary>
[Authorize(Policy = Policies.LicenseAdministrator)]
internal sealed class LicensesAdminModel(LicenseStatistics statistics, LicensesDbContext db, IOrganizationDirectory organization) : PageModel
{
    public IReadOnlyList<StatisticsRow> Rows { get; private set; } = [];
    public AdminNames Names { get; private set; } = new(new Dictionary<string, Domain.LicenseType>(), new Dictionary<string, DepartmentInfo>());

    public async Task OnGetAsync(CancellationToken ct)
    {
        Rows = await statistics.PerTypeAndAuthorityAsync(Officers.Of(User).Authority, ct);
        Names = await AdminNames.LoadAsync(db, organization, ct);
    }
}
