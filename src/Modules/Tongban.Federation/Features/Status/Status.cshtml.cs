using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Tongban.Kernel.Security;

namespace Tongban.Federation.Features.Status;

/// <summary>
/// The federation's status (省市数据对接) for the system administrator: on a province each registered city's last
/// exchange, backlog, refusals, held records and last reconciliation; on a city its own queue and last reconciliation;
/// otherwise that the federation is not configured.
/// </summary>
[Authorize(Policies.SystemAdministrator)]
internal sealed class StatusModel(FederationStatus status, IOptions<FederationOptions> options) : PageModel
{
    public bool IsCity => options.Value.IsCity;
    public bool IsProvince => options.Value.IsProvince;
    public IReadOnlyList<CityStatus> Cities { get; private set; } = [];
    public UpstreamStatus? Upstream { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (IsProvince) Cities = await status.CitiesAsync(ct);
        if (IsCity) Upstream = await status.UpstreamAsync(ct);
    }
}
