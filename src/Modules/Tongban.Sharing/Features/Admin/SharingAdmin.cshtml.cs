using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongban.Kernel.Security;
using Tongban.Sharing.Features.ReportSharing;

namespace Tongban.Sharing.Features.Admin;

[Authorize(Policy = Policies.DataAdministrator)]
internal sealed class SharingAdminModel(SharingStatistics statistics) : PageModel
{
    public SharingFigures Figures { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => Figures = await statistics.GetAsync(ct);
}
