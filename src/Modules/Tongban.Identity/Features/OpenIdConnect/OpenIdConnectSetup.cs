using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OpenIddict.EntityFrameworkCore.Models;
using OpenIddict.Server;
using OpenIddict.Validation.AspNetCore;
using Tongban.Identity.Contracts;
using Tongban.Identity.Data;
using Tongban.Kernel.Security;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Tongban.Identity.Features.OpenIdConnect;

/// <summary>
/// The OpenID Connect provider on OpenIddict: authorization code with PKCE (S256 only), rolling refresh tokens with
/// reuse detection, client credentials for department systems, userinfo, RP-initiated logout; tokens validated by
/// OpenIddict's local validation under <see cref="ClientClaims.Scheme"/>. Decisions in docs/adr/0011.
/// </summary>
internal static class OpenIdConnectSetup
{
    public static IServiceCollection AddOpenIdConnectProvider(this IServiceCollection services, IConfiguration configuration)
    {
        var development = configuration.GetValue<bool>("Authentication:DevelopmentSignIn");
        var lifetimes = configuration.GetSection(OpenIdConnectOptions.Section).Get<OpenIdConnectOptions>() ?? new OpenIdConnectOptions();
        services.AddOptions<OpenIdConnectOptions>().Bind(configuration.GetSection(OpenIdConnectOptions.Section));
        services.AddOpenIddict()
            .AddCore(o =>
            {
                o.UseEntityFrameworkCore().UseDbContext<AccountsDbContext>().ReplaceDefaultEntities<Guid>();
                o.ReplaceApplicationManager<OpenIddictEntityFrameworkCoreApplication<Guid>, RememberingApplicationManager>();
                TokenEntries.Store(o);
            })
            .AddServer(o =>
            {
                o.SetAuthorizationEndpointUris("connect/authorize").SetTokenEndpointUris("connect/token")
                    .SetUserInfoEndpointUris("connect/userinfo").SetEndSessionEndpointUris("connect/endsession");
                o.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange().AllowRefreshTokenFlow().AllowClientCredentialsFlow();
                o.RegisterScopes(OidcScopes.Registered);
                o.RegisterClaims(Claims.Subject, Claims.Name, OidcScopes.RealNameLevelClaim, OidcScopes.IdNumberClaim);
                o.SetAccessTokenLifetime(lifetimes.AccessTokenLifetime).SetIdentityTokenLifetime(lifetimes.IdentityTokenLifetime)
                    .SetAuthorizationCodeLifetime(lifetimes.AuthorizationCodeLifetime).SetRefreshTokenLifetime(lifetimes.RefreshTokenLifetime);
                // A redeemed refresh token presented again is a theft signal: no grace period, the chain is revoked.
                o.SetRefreshTokenReuseLeeway(TimeSpan.Zero);
                // Access tokens are signed, not encrypted: every exchange call validates one, and an RSA-OAEP unwrap
                // costs a private-key operation (~0.3 ms) per call; a signature check costs ~0.02 ms. They carry only
                // the subject (an account id) or the system's client id and department (ADR 0011).
                o.DisableAccessTokenEncryption();
                o.Configure(server =>
                {
                    server.CodeChallengeMethods.Remove(CodeChallengeMethods.Plain);
                    // Discovery lists only what is so: clients authenticate with a secret (no client assertions), and
                    // there is one account per browser session to select.
                    server.ClientAuthenticationMethods.Remove(ClientAuthenticationMethods.PrivateKeyJwt);
                    server.ClientAssertionTypes.Clear();
                    server.PromptValues.Remove(PromptValues.SelectAccount);
                });
                o.AddEventHandler<OpenIddictServerEvents.ApplyTokenResponseContext>(h => h.UseScopedHandler<AuditTokenRefusals>());
                TokenEntries.Handlers(o);
                TokenChains.Handlers(o);
                HeaderTokensOnly.Handler(o);
                SignIdentityTokensWithRsa.Handler(o);
                var host = o.UseAspNetCore().EnableAuthorizationEndpointPassthrough().EnableTokenEndpointPassthrough()
                    .EnableUserInfoEndpointPassthrough().EnableEndSessionEndpointPassthrough();
                // TestServer and `dotnet run` speak plain HTTP; production runs behind TLS.
                if (development) host.DisableTransportSecurityRequirement();
            })
            .AddValidation(o =>
            {
                o.UseLocalServer();
                o.UseAspNetCore();
                // The validation handler serves the exchange only: it takes tokens issued for it (RFC 9068 §4).
                o.AddAudiences(Audiences.Exchange);
            });
        services.AddSingleton<ServerKeyRing>();
        services.AddSingleton<IConfigureOptions<OpenIddictServerOptions>>(sp => sp.GetRequiredService<ServerKeyRing>());
        services.AddSingleton<IOpenIdConnectKeys>(sp => sp.GetRequiredService<ServerKeyRing>());
        services.AddScoped<AccountPrincipals>();
        services.AddSingleton<ClientStatus>();
        services.AddScoped<Consents>();
        services.AddScoped<SignInFreshness>();
        services.AddSingleton<RefreshGrants>();
        services.AddSingleton<Redemptions>();
        services.Replace(ServiceDescriptor.Singleton<IAuthenticationSchemeProvider, EndpointScopedSchemes>());
        if (development) services.AddHostedService<DevelopmentClientSeeder>();

        // Exchange endpoints keep asking for the scheme and policy by the names the kernel gives them.
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, RememberedBearerTokens>(ClientClaims.Scheme, null);
        services.AddAuthorization(o => o.AddPolicy(Policies.ExchangeClient, p => p
            .AddAuthenticationSchemes(ClientClaims.Scheme)
            .RequireAuthenticatedUser()
            .RequireClaim(ClientClaims.ClientId)
            .RequireClaim(ClientClaims.Department)));
        return services;
    }
}
