using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Tongban.Kernel.Web;

namespace Tongban.Organization.Features.BrowseHalls;

[OutputCache(PolicyName = CachePolicies.PublicPage)]
internal sealed class HallDetailModel(HallQueries halls, IEnumerable<IHallLiveFigures> live) : PageModel
{
    public HallView Hall { get; private set; } = null!;
    public IReadOnlyList<HallLiveSection> Live { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var hall = await halls.GetAsync(slug, ct);
        if (hall is null) return NotFound();
        Hall = hall;
        foreach (var source in live)
            if (await source.ForAsync(slug, ct) is { } section) Live = [.. Live, section];
        return Page();
    }
}
