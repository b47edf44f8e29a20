using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Tongban.Kernel.Data;
using Tongban.Kernel.Localization;

namespace Tongban.Web.Shell;

/// <summary>
/// Two requests racing to write the same record (a double click creating the same row, a row changed under an edit):
/// the loser is told to try again (409), not shown a server error. Nothing was saved by the losing request.
/// </summary>
internal sealed class ConflictMapping(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        // The handler runs with the request re-pointed at /error; the feature keeps where it was going.
        var path = httpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? httpContext.Request.Path;
        if (!path.StartsWith("/api/", StringComparison.Ordinal) || !WriteConflicts.IsConflict(exception)) return false;
        httpContext.Response.StatusCode = StatusCodes.Status409Conflict;
        var problem = new ProblemDetails
        {
            Status = StatusCodes.Status409Conflict,
            Title = Text.T("记录刚被同时修改", "The record was changed at the same moment"),
            Detail = Text.T("另一请求刚刚修改了同一条记录，您的修改没有保存。请刷新后重试。", "Another request changed the same record just now; yours was not saved. Reload and try again."),
        };
        problem.Extensions["code"] = "request.conflict";
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }
}
