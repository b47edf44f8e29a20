using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Tongban.Kernel.Errors;
using Tongban.Kernel.Security;
using Tongban.Kernel.Web;

namespace Tongban.Identity.Features.Federation;

/// <summary>
/// Sign-in through the upstream OpenID Connect provider with ASP.NET Core's OpenIdConnect handler (authorization code,
/// PKCE, userinfo). The handler only carries the protocol; <see cref="FederatedSignIn"/> decides the account and issues
/// the module's own session cookie. Decisions in docs/adr/0012.
/// </summary>
internal static class FederationSetup
{
    public const string StartPath = "/account/federation/sign-in";

    public static IServiceCollection AddFederation(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(FederationOptions.Section);
        services.AddOptions<FederationOptions>().Bind(section);
        services.AddScoped<FederatedSignIn>();
        services.AddSingleton(new AdminLink("/admin/identity/federation", "省级平台登录", "Provincial platform sign-in",
            "上级统一身份认证平台：地址、客户端、实名等级对应", "The upstream identity provider: issuer, client, how its real-name levels map", Policies.SystemAdministrator, 17));
        services.AddSingleton<UpstreamStore>();
        services.AddScoped<EditUpstream>();
        services.AddSingleton<IConfigureOptions<OpenIdConnectOptions>, UpstreamHandlerOptions>();
        // Always registered: the upstream may be set at run time (UpstreamHandlerOptions gives the changing parts).
        services.AddAuthentication().AddOpenIdConnect(FederationOptions.Scheme, o =>
        {
            o.ResponseType = "code";
            o.UsePkce = true;
            o.CallbackPath = FederationOptions.CallbackPath;
            o.SignInScheme = CookieAuthenticationDefaults.AuthenticationScheme;
            o.GetClaimsFromUserInfoEndpoint = true;
            o.MapInboundClaims = false;
            o.Events.OnTicketReceived = TicketReceivedAsync;
            o.Events.OnRemoteFailure = context =>
            {
                context.Response.Redirect(Refused(FederationErrors.Upstream));
                context.HandleResponse();
                return Task.CompletedTask;
            };
        });
        return services;
    }

    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet(StartPath, async (string? returnUrl, UpstreamStore store, CancellationToken ct) =>
        {
            var upstream = await store.FreshAsync(ct);
            if (!upstream.IsConfigured) return Results.NotFound();
            if (!upstream.Enabled) return Results.Redirect(Refused(FederationErrors.Disabled));
            var destination = IsLocal(returnUrl) ? returnUrl! : "/account";
            return Results.Challenge(new AuthenticationProperties { RedirectUri = destination }, [FederationOptions.Scheme]);
        }).ExcludeFromDescription();

    private static async Task TicketReceivedAsync(TicketReceivedContext context)
    {
        context.HandleResponse();
        try
        {
            await context.HttpContext.RequestServices.GetRequiredService<FederatedSignIn>()
                .SignInAsync(context.Principal!, context.HttpContext, context.HttpContext.RequestAborted);
            var destination = context.Properties?.RedirectUri;
            context.Response.Redirect(IsLocal(destination) ? destination! : "/account");
        }
        catch (DomainException e)
        {
            context.Response.Redirect(Refused(FederationErrors.ByCode(e.Errors[0].Code) ?? FederationErrors.Refused));
        }
    }

    private static string Refused(DomainError error) => $"/account/sign-in?federation={Uri.EscapeDataString(error.Code)}";

    private static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));
}
