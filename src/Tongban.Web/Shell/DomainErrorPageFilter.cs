using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongban.Kernel.Errors;

namespace Tongban.Web.Shell;

/// <summary>Why a page refused the person, for the status page (<c>/status/403</c>) to say.</summary>
internal sealed record PageRefusal(string Message);

/// <summary>
/// The one place a <see cref="DomainException"/> from a page handler becomes inline messages: each error is
/// attached to the form field it names (or to the summary), and the page is shown again with what was typed.
/// </summary>
internal sealed class DomainErrorPageFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        if (executed.Exception is not DomainException domain || executed.ExceptionHandled) return;
        executed.ExceptionHandled = true;
        if (domain.Kind == ErrorKind.NotFound)
        {
            executed.Result = new NotFoundResult();
            return;
        }
        if (domain.Kind == ErrorKind.Forbidden && domain.Errors.All(e => e.Field is null))
        {
            // A refusal of the person, not of anything typed: the page has nothing to show again (its model may not
            // have loaded), so the status page says why.
            executed.HttpContext.Features.Set(new PageRefusal(string.Join(" ", domain.Errors.Select(e => e.Message))));
            executed.Result = new StatusCodeResult(StatusCodes.Status403Forbidden);
            return;
        }
        var state = executed.ModelState;
        foreach (var error in domain.Errors)
            state.AddModelError(KeyFor(state.Keys, error.Field), error.Message);
        executed.HttpContext.Response.StatusCode = DomainErrorMapping.StatusOf(domain.Kind);
        executed.Result = new PageResult();
    }

    /// <summary>
    /// The bound key whose path ends with the field's path, compared segment by segment without case or underscores:
    /// "credit_code" finds "Input.CreditCode", "form.purpose" finds "Input.Form[purpose]". A field nothing was bound
    /// to (an unticked checkbox, a file) keeps its own name, so a page can still show it beside its input.
    /// </summary>
    internal static string KeyFor(IEnumerable<string> keys, string? field)
    {
        if (field is null) return "";
        var wanted = Segments(field);
        return keys.FirstOrDefault(k => Segments(k).AsSpan().EndsWith(wanted)) ?? field;
    }

    private static string[] Segments(string path) =>
        [.. path.Split(['.', '[', ']'], StringSplitOptions.RemoveEmptyEntries).Select(s => s.Replace("_", "", StringComparison.Ordinal).ToUpperInvariant())];
}
