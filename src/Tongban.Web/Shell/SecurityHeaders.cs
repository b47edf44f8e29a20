using System.Security.Cryptography;
using System.Text;

namespace Tongban.Web.Shell;

/// <summary>
/// The headers every answer carries — pages, APIs, errors, 404s, static files — set as the answer starts, so an
/// error page that cleared the headers still gets them. No page has inline script or style attributes; keep it so.
/// </summary>
internal static class SecurityHeaders
{
    /// <summary>
    /// OpenIddict answers <c>response_mode=form_post</c> with a page whose only script is this line; its hash lets it run
    /// without allowing any other inline script.
    /// </summary>
    private const string FormPostScript = "document.form.submit();";

    internal static readonly string ContentSecurityPolicy =
        $"default-src 'self'; script-src 'self' '{Hash(FormPostScript)}'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'";

    /// <summary>
    /// The interactive API reference (Scalar, at /openapi) builds itself with an inline module script and injected
    /// styles. It is served only to system administrators and internal addresses in production, so it alone may.
    /// </summary>
    internal static readonly string ApiReferencePolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'";

    private const string Permissions = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app, bool strictTransport) => app.Use((context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = IsApiReference(context.Request.Path) ? ApiReferencePolicy : ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            headers["Permissions-Policy"] = Permissions;
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            if (strictTransport && context.Request.IsHttps) headers.StrictTransportSecurity = "max-age=31536000";
            return Task.CompletedTask;
        });
        return next(context);
    });

    private static bool IsApiReference(PathString path) => path.Value is "/openapi" or "/openapi/";

    private static string Hash(string script) => "sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(script)));
}
