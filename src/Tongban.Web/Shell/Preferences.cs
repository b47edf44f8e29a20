using Microsoft.AspNetCore.Localization;

namespace Tongban.Web.Shell;

/// <summary>
/// Language and display mode, kept in cookies for a year. Plain links change them, so they work without
/// JavaScript and keep public pages free of antiforgery cookies (which would stop output caching).
/// </summary>
public static class Preferences
{
    public const string DisplayCookie = "tongban.display";
    public const string ElderMode = "elder";

    public static bool IsElderMode(HttpContext context) => context.Request.Cookies[DisplayCookie] == ElderMode;

    public static string CacheKey(HttpContext context) =>
        $"{Thread.CurrentThread.CurrentUICulture.Name}|{(IsElderMode(context) ? ElderMode : "standard")}";

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/preferences/language", (string value, string? returnUrl, HttpContext context) =>
        {
            var culture = value == "en" ? "en" : "zh-CN";
            context.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)), Lasting(context));
            return Results.LocalRedirect(Safe(returnUrl));
        }).ExcludeFromDescription();

        app.MapGet("/preferences/display", (string value, string? returnUrl, HttpContext context) =>
        {
            if (value == ElderMode) context.Response.Cookies.Append(DisplayCookie, ElderMode, Lasting(context));
            else context.Response.Cookies.Delete(DisplayCookie);
            return Results.LocalRedirect(Safe(returnUrl));
        }).ExcludeFromDescription();
    }

    private static CookieOptions Lasting(HttpContext context) => new()
    {
        Expires = DateTimeOffset.UtcNow.AddYears(1),
        IsEssential = true,
        HttpOnly = true,
        SameSite = SameSiteMode.Lax,
        Secure = context.Request.IsHttps,
    };

    /// <summary>
    /// Only a local path is followed back, never another site. The query arrives decoded, so a page address with
    /// Chinese in it (a search) is encoded again: a Location header carries ASCII only.
    /// </summary>
    private static string Safe(string? returnUrl) =>
        returnUrl is { Length: > 0 } url && url[0] == '/' && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal)
            ? string.Concat(url.EnumerateRunes().Select(r => r.Value is > 0x20 and < 0x7F ? r.ToString() : Uri.EscapeDataString(r.ToString())))
            : "/";
}
