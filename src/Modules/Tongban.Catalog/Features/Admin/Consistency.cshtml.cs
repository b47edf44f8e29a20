using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongban.Catalog.Features.ReportCatalog;
using Tongban.Kernel.Security;

namespace Tongban.Catalog.Features.Admin;

[Authorize(Policy = Policies.CatalogAdministrator)]
internal sealed class ConsistencyModel(ConsistencyReport report) : PageModel
{
    public IReadOnlyList<Divergence> Divergences { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Divergences = await report.GetAsync(ct);
}
