using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Tongban.Web.Pages;

/// <summary>
/// The page shown for a 4xx answer to a page request, in the reader's language. Status code pages run it with the
/// request's own method, so a refused form post (a 403, a 429) is answered here too.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class StatusModel : PageModel
{
    public int Code { get; private set; }

    /// <summary>Why a page refused the person (<see cref="Shell.PageRefusal"/>), when it said.</summary>
    public string? Refusal => HttpContext.Features.Get<Shell.PageRefusal>()?.Message;

    /// <summary>For a 429 from the rate limiter: when to try again, from its Retry-After.</summary>
    public string? TooMany => int.TryParse(Response.Headers.RetryAfter, out var seconds) ? Hosting.RateLimits.TooMany(seconds).Message + Kernel.Localization.Text.T("。", ".") : null;

    // From the route only: a re-executed form post may carry a field of the same name (an SMS code).
    public void OnGet([FromRoute] int code)
    {
        Code = code is >= 400 and < 600 ? code : 404;
        Response.StatusCode = Code;
    }

    public void OnPost([FromRoute] int code) => OnGet(code);
}
