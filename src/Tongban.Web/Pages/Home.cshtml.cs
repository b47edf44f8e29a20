using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Tongban.Kernel.Web;
using Tongban.Organization.Contracts;

namespace Tongban.Web.Pages;

[OutputCache(PolicyName = CachePolicies.PublicPage)]
public sealed class HomeModel(IOrganizationDirectory directory) : PageModel
{
    public IReadOnlyList<HallInfo> Halls { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Halls = await directory.ListHallsAsync(ct);
}
