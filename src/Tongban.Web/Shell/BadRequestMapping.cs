using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Tongban.Kernel.Localization;

namespace Tongban.Web.Shell;

/// <summary>Malformed requests (unreadable JSON, a wrong parameter type) get a 400 in the reader's language, not a 500.</summary>
internal sealed class BadRequestMapping(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad) return false;
        httpContext.Response.StatusCode = bad.StatusCode;
        var problem = new ProblemDetails
        {
            Status = bad.StatusCode,
            Title = Text.T("请求格式有误", "The request is malformed"),
            Detail = Text.T("请检查提交的数据格式，例如JSON是否完整、日期是否写作YYYY-MM-DD。", "Check the data sent: complete JSON, dates written YYYY-MM-DD, numbers where numbers are expected.") + " " + bad.Message + Where(bad),
        };
        problem.Extensions["code"] = "request.malformed";
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    /// <summary>Where in the JSON the reader stopped (e.g. <c>$.application</c>), so the sender finds the member at fault.</summary>
    private static string Where(BadHttpRequestException bad) =>
        bad.InnerException is System.Text.Json.JsonException { Path: { Length: > 0 } path } ? $" ({path})" : "";
}
