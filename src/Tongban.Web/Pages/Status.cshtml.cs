using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Tongban.Web.Pages;

/// <summary>The page shown for a 4xx answer to a page request, in the reader's language.</summary>
public sealed class StatusModel : PageModel
{
    public int Code { get; private set; }

    public void OnGet(int code)
    {
        Code = code is >= 400 and < 600 ? code : 404;
        Response.StatusCode = Code;
    }
}
