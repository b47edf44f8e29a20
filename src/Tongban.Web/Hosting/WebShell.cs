using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Tongban.Identity;
using Tongban.Kernel.Web;
using Tongban.Web.Shell;

namespace Tongban.Web.Hosting;

/// <summary>Pages, languages, display mode, errors and caching: what every screen shares.</summary>
public static class WebShell
{
    public static readonly CultureInfo[] Cultures = [new("zh-CN"), new("en")];

    public static IServiceCollection AddWebShell(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddRazorPages(o =>
        {
            // Pages live beside their feature (Features/<VerbNoun>/) and declare absolute routes.
            o.RootDirectory = "/";
        }).AddMvcOptions(o =>
        {
            o.Filters.Add<DomainErrorPageFilter>();
            BindingMessages.Apply(o);
        });
        services.Replace(ServiceDescriptor.Singleton<Microsoft.AspNetCore.Mvc.ViewFeatures.IHtmlGenerator, NoInlineStyleHtmlGenerator>());
        // Chinese text goes out as UTF-8, not as numeric character references.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter());
            StrictJson.Apply(o.SerializerOptions);
        });
        services.AddProblemDetails();
        // Unreadable bodies throw, so BadRequestMapping answers them in the reader's language like any other error.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddExceptionHandler<BadRequestMapping>();
        services.AddExceptionHandler<ConflictMapping>();
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture("zh-CN");
            o.SupportedCultures = Cultures;
            o.SupportedUICultures = Cultures;
            o.RequestCultureProviders = [new CookieRequestCultureProvider(), new AcceptLanguageHeaderRequestCultureProvider()];
            o.FallBackToParentUICultures = true;
            o.FallBackToParentCultures = true;
        });
        services.AddOutputCache(o => o.AddPolicy(CachePolicies.PublicPage, b => b
            .Expire(TimeSpan.FromSeconds(60))
            .Tag(CachePolicies.PublicTag)
            .VaryByValue(context => new KeyValuePair<string, string>("prefs", Preferences.CacheKey(context)))));
        services.AddSingleton(RegionProfile.Load(configuration));
        services.AddRateLimits(configuration);
        services.AddScoped<MySpace>();
        return services;
    }

    public static WebApplication UseWebShell(this WebApplication app)
    {
        // Localization first, so error pages and ProblemDetails speak the reader's language.
        app.UseRequestLocalization();
        app.UseExceptionHandler("/error");
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"),
            api => api.UseStatusCodePages());
        // OpenID Connect endpoints (/connect/*) answer errors in the protocol's own form.
        app.UseWhen(c => !c.Request.Path.StartsWithSegments("/api") && !c.Request.Path.StartsWithSegments("/health") && !c.Request.Path.StartsWithSegments("/connect"),
            pages => pages.UseStatusCodePagesWithReExecute("/status/{0}"));
        app.UseStaticFiles();
        app.UseRouting();
        app.UseRateLimits();
        app.UseRefreshGrants();
        app.UseAuthentication();
        // After authentication: an antiforgery token belongs to the signed-in user it was made for.
        app.UseCrossSiteApiGuard();
        app.UseIdentityGuards();
        app.UseAuthorization();
        app.UseOutputCache();
        return app;
    }

    public static WebApplication MapWebShell(this WebApplication app)
    {
        app.MapRazorPages();
        Preferences.Map(app);
        return app;
    }
}
