using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Tongban.Federation.Contracts;
using Tongban.Federation.Features.CatalogFeed;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Tongban.Kernel.Security;

namespace Tongban.Federation.Features.Status;

/// <summary>
/// The federation's status (省市数据对接) for the system administrator: on a province each registered city's last
/// exchange, backlog, refusals, held records, last reconciliation and last catalog pull; on a city its own queue, last
/// reconciliation and the provincial catalog's pulls (with a button to pull now); otherwise that the federation is not configured.
/// </summary>
[Authorize(Policies.SystemAdministrator)]
internal sealed class StatusModel(FederationStatus status, IOptions<FederationOptions> options, CatalogPuller puller) : PageModel
{
    public bool IsCity => options.Value.IsCity;
    public bool IsProvince => options.Value.IsProvince;
    public IReadOnlyList<CityStatus> Cities { get; private set; } = [];
    public UpstreamStatus? Upstream { get; private set; }
    public CatalogStatus? Catalog { get; private set; }

    /// <summary>What the pull just asked for did (after the button).</summary>
    public CatalogPullResult? Pulled { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (IsProvince) Cities = await status.CitiesAsync(ct);
        if (IsCity)
        {
            Upstream = await status.UpstreamAsync(ct);
            Catalog = await status.CatalogAsync(ct);
        }
    }

    /// <summary>"立即同步省级目录": pulls the provincial catalog now (from the start when asked), then shows the page with what it did.</summary>
    public async Task<IActionResult> OnPostPullCatalogAsync(bool fromStart, CancellationToken ct)
    {
        if (!IsCity) return NotFound();
        Pulled = await puller.PullAsync(fromStart, ct);
        await OnGetAsync(ct);
        return Page();
    }
}
