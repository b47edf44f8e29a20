using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Tongban.Kernel.Web;

namespace Tongban.Catalog.Features.ReportCatalog;

[OutputCache(PolicyName = CachePolicies.PublicPage)]
internal sealed class StatisticsModel(CatalogStatistics statistics) : PageModel
{
    public CatalogStatisticsReport Report { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => Report = await statistics.GetAsync(ct);
}
