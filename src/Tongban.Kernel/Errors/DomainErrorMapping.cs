using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Tongban.Kernel.Errors;

/// <summary>The one place a <see cref="DomainException"/> becomes an HTTP answer (ProblemDetails).</summary>
public sealed class DomainErrorMapping(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public static int StatusOf(ErrorKind kind) => kind switch
    {
        ErrorKind.BadRequest => StatusCodes.Status400BadRequest,
        ErrorKind.NotFound => StatusCodes.Status404NotFound,
        ErrorKind.Conflict => StatusCodes.Status409Conflict,
        ErrorKind.Forbidden => StatusCodes.Status403Forbidden,
        _ => StatusCodes.Status422UnprocessableEntity,
    };

    public static ProblemDetails ToProblem(DomainException exception)
    {
        var first = exception.Errors[0];
        var problem = new ProblemDetails
        {
            Status = StatusOf(first.Kind),
            Title = first.Message,
            Detail = string.Join(" ", exception.Errors.Select(e => e.Message)),
            Type = $"https://tongban.dev/errors/{first.Code}",
        };
        problem.Extensions["code"] = first.Code;
        problem.Extensions["errors"] = exception.Errors
            .Select(e => new { e.Code, e.Field, message = e.Message, zh = e.Chinese, en = e.English })
            .ToArray();
        return problem;
    }

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not DomainException domain) return false;
        var problem = ToProblem(domain);
        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }
}
