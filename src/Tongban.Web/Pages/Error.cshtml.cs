using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongban.Kernel.Localization;

namespace Tongban.Web.Pages;

/// <summary>An unexpected failure: a page in the reader's language, or ProblemDetails for an API call. Nothing internal is shown.</summary>
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public string? TraceId { get; private set; }

    public IActionResult OnGet() => Answer();

    public IActionResult OnPost() => Answer();

    private IActionResult Answer()
    {
        TraceId = HttpContext.TraceIdentifier;
        var path = HttpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? "";
        if (path.StartsWith("/api", StringComparison.Ordinal))
            return new ObjectResult(new ProblemDetails
            {
                Status = 500,
                Title = Text.T("服务器内部错误", "Internal server error"),
                Detail = Text.T($"请稍后重试；如仍有问题，请提供编号 {TraceId}。", $"Please try again later; if it persists, quote reference {TraceId}."),
            }) { StatusCode = 500, ContentTypes = { "application/problem+json" } };
        Response.StatusCode = 500;
        return Page();
    }
}
