using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Tongban.Kernel.Web;

namespace Tongban.Organization.Features.BrowseHalls;

[OutputCache(PolicyName = CachePolicies.PublicPage)]
internal sealed class HallDirectoryModel(HallQueries halls) : PageModel
{
    public IReadOnlyList<HallCard> Halls { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Halls = await halls.ListAsync(ct);
}
