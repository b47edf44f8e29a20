using Microsoft.AspNetCore.Antiforgery;
using Tongban.Kernel.Errors;

namespace Tongban.Web.Shell;

/// <summary>
/// An API call that changes something and is signed in by the session cookie must show it comes from this site: the
/// browser says so (<c>Sec-Fetch-Site: same-origin</c>, or an <c>Origin</c> equal to this site's), or it carries the
/// antiforgery token in the <c>RequestVerificationToken</c> header. A browser sends the cookie along with a request
/// another site makes it send, but lets that site set neither. Calls with an Authorization header (bearer tokens of
/// department systems and apps) are not the browser's and pass.
/// </summary>
internal static class CrossSiteApiGuard
{
    public const string SessionCookie = "tongban.session";

    public static IApplicationBuilder UseCrossSiteApiGuard(this IApplicationBuilder app) => app.UseWhen(IsCookieWrite, guarded => guarded.Use(async (context, next) =>
    {
        if (SameOrigin(context.Request) || await context.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(context))
            await next(context);
        else
            await RefuseAsync(context);
    }));

    private static bool IsCookieWrite(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/api")
        && !(HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method) || HttpMethods.IsOptions(context.Request.Method))
        && context.Request.Headers.Authorization.Count == 0
        && context.Request.Cookies.Keys.Any(k => k.StartsWith(SessionCookie, StringComparison.Ordinal));

    internal static bool SameOrigin(HttpRequest request)
    {
        if (request.Headers["Sec-Fetch-Site"] is { Count: > 0 } site) return site == "same-origin";
        return request.Headers.Origin is { Count: > 0 } origin && origin == $"{request.Scheme}://{request.Host}";
    }

    private static async Task RefuseAsync(HttpContext context)
    {
        var problem = DomainErrorMapping.ToProblem(new DomainException(new DomainError("request.cross_site",
            "以登录状态调用接口修改数据，须来自本站页面，或在请求头 RequestVerificationToken 中附带防伪令牌",
            "A call that changes data with the sign-in cookie must come from this site's pages, or carry the antiforgery token in the RequestVerificationToken header",
            ErrorKind.Forbidden)));
        context.Response.StatusCode = problem.Status!.Value;
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
    }
}
