using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Tongban.Kernel.Web;

namespace Tongban.Catalog.Features.ShowGuide;

[OutputCache(PolicyName = CachePolicies.PublicPage)]
internal sealed class GuideModel(GuideQueries guides) : PageModel
{
    public Guide Guide { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        if (await guides.GetAsync(code, ct) is not { } guide) return NotFound();
        Guide = guide;
        return Page();
    }
}
