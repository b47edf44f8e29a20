using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongban.Licenses.Features.VerifyLicense;

namespace Tongban.Licenses.Features.Wallet;

/// <summary>A license its holder shows through a link (亮证): the verification result with the data masked, while the link is open.</summary>
internal sealed class SharedModel(ShareLicense shares) : PageModel
{
    public CheckResult? Result { get; private set; }

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken ct)
    {
        Result = await shares.ViewAsync(token, ct);
        if (Result is null) Response.StatusCode = StatusCodes.Status404NotFound;
        Response.Headers.CacheControl = "no-store";
        return Page();
    }
}
