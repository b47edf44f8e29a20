using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Tongban.Kernel.Data;
using Tongban.Kernel.Security;

namespace Tongban.Web.Hosting;

/// <summary>Section <c>Authentication</c>.</summary>
public sealed class AuthenticationOptions
{
    public const string Section = "Authentication";

    /// <summary>
    /// Lets anyone sign in as any staff role from /sign-in, for the demo and development only, until the
    /// identity module provides real accounts. Off unless configured (appsettings.Development.json turns it on).
    /// </summary>
    public bool DevelopmentSignIn { get; set; }
}

public static class StaffAuthentication
{
    public static IServiceCollection AddStaffAuthentication(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<AuthenticationOptions>(configuration.GetSection(AuthenticationOptions.Section));
        services.AddTongbanDataProtection();
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(o =>
        {
            o.LoginPath = "/sign-in";
            o.AccessDeniedPath = "/status/403";
            o.Cookie.Name = "tongban.session";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.ExpireTimeSpan = TimeSpan.FromMinutes(30);
            o.SlidingExpiration = true;
            // APIs answer 401/403; only pages are sent to a sign-in page: the citizens' one, except for the staff area.
            o.Events.OnRedirectToLogin = c => Answer(c, StatusCodes.Status401Unauthorized, SignInPages.For(c.Request));
            o.Events.OnRedirectToAccessDenied = c => Answer(c, StatusCodes.Status403Forbidden);
        });
        services.AddAuthorization(o =>
        {
            foreach (var (role, _, _) in Policies.All)
                o.AddPolicy(role, p => p.RequireRole(role));
        });
        return services;
    }

    /// <summary>One key ring for every instance and the <c>tongban</c> command (cookies, and the OpenID Connect server's keys).</summary>
    public static IServiceCollection AddTongbanDataProtection(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName("tongban").PersistKeysToDbContext<KernelDbContext>();
        return services;
    }

    private static Task Answer(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> context, int status, string? to = null)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
            context.Response.StatusCode = status;
        else
            context.Response.Redirect(to ?? context.RedirectUri);
        return Task.CompletedTask;
    }
}
