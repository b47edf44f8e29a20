using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Tongban.Identity.Contracts;
using Tongban.Identity.Data;
using Tongban.Identity.Domain;
using Tongban.Identity.Features;
using Tongban.Identity.Features.Accounts;
using Tongban.Identity.Features.Enterprises;
using Tongban.Identity.Features.Federation;
using Tongban.Identity.Features.ImportRegionPack;
using Tongban.Identity.Features.Proxies;
using Tongban.Identity.Features.ManageClients;
using Tongban.Identity.Features.OpenIdConnect;
using Tongban.Identity.Features.Sessions;
using Tongban.Identity.Features.SignIn;
using Tongban.Identity.Features.Sms;
using Tongban.Identity.Features.MyAccount;
using Tongban.Identity.Features.Notices;
using Tongban.Identity.Features.Reauthenticate;
using Tongban.Identity.Features.Security;
using Tongban.Identity.Features.Verification;
using Tongban.Identity.Features.VerifyInPerson;
using Tongban.Identity.Passwords;
using Tongban.Kernel.Data;
using Tongban.Kernel.Outbox;
using Tongban.Kernel.Security;
using Tongban.Kernel.Seeding;
using Tongban.Kernel.Web;

namespace Tongban.Identity;

/// <summary>Accounts of citizens, enterprises and staff; real-name levels; sign-in with passwords, SMS codes and TOTP; sessions; the OpenID Connect provider.</summary>
public static class IdentityModule
{
    public static IServiceCollection AddIdentity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDatabase<AccountsDbContext, IdentitySqliteContext, IdentityPostgresContext>(configuration, "identity", AccountsDbContext.Prefix);
        services.AddOptions<IdentityModuleOptions>().Bind(configuration.GetSection(IdentityModuleOptions.Section))
            .Configure(o => o.DevelopmentSignIn = configuration.GetValue<bool>("Authentication:DevelopmentSignIn"));
        services.AddIdentityCore<Account>(o =>
            {
                o.Password.RequiredLength = 8;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 4;
                // Our own escalating lock (Account.RecordFailedSignIn) replaces Identity's fixed one.
                o.Lockout.AllowedForNewUsers = false;
                o.User.RequireUniqueEmail = false;
                o.Tokens.EmailConfirmationTokenProvider = EmailConfirmationTokens.Name;
            })
            .AddRoles<IdentityRole<Guid>>()
            .AddEntityFrameworkStores<AccountsDbContext>()
            .AddTokenProvider<AuthenticatorTokenProvider<Account>>(TokenOptions.DefaultAuthenticatorProvider)
            .AddTokenProvider<EmailConfirmationTokens>(EmailConfirmationTokens.Name)
            .AddPasswordValidator<CommonPasswordValidator>();
        services.AddScoped<IPasswordHasher<Account>, Argon2idPasswordHasher>();
        services.AddMemoryCache();
        services.AddHttpContextAccessor();
        services.AddSingleton<SessionStore>();
        services.PostConfigure<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme,
            o => o.Events.OnValidatePrincipal = SessionStore.ValidateAsync);
        services.AddSingleton<DevelopmentSmsSender>();
        if (configuration.GetValue<bool>("Authentication:DevelopmentSignIn"))
            services.TryAddSingleton<ISmsSender>(sp => sp.GetRequiredService<DevelopmentSmsSender>());
        else
            services.TryAddSingleton<ISmsSender, UnconfiguredSmsSender>();
        services.AddAuthorization(o => o.AddPolicy(VerifyInPersonModel.Policy, p => p.RequireRole(Policies.WindowClerk, Policies.StationAgent)));
        services.AddScoped<IAccountDirectory, AccountDirectory>();
        services.AddScoped<IActorResolver, ActorResolver>();
        services.AddSingleton(new SystemActor("module:identity", "统一身份认证系统", "Single sign-on and real-name checks"));
        services.AddScoped<ProxyAuthorisations>();
        services.AddScoped<IProxyAuthorisations>(sp => sp.GetRequiredService<ProxyAuthorisations>());
        services.AddScoped<IProxyGrantsOnRequest>(sp => sp.GetRequiredService<ProxyAuthorisations>());
        services.AddScoped<IStaffDirectory, StaffDirectory>();
        services.AddScoped<AccountSignIn>();
        services.AddScoped<OneTimeCodes>();
        services.AddScoped<RegisterAccounts>();
        services.AddScoped<ManageStaff>();
        services.AddScoped<IFirstAdministrator, CreateFirstAdministrator>();
        services.AddScoped<IPublishedPasswords, PublishedPasswords>();
        services.AddScoped<VerifyRealName>();
        services.AddScoped<SetEmail>();
        services.AddScoped<ConfirmEmail>();
        services.AddScoped<EnterpriseClaims>();
        services.AddScoped<RecentAuthentication>();
        services.AddScoped<RecoveryCodes>();
        services.AddScoped<SecondFactor>();
        services.AddScoped<ChangePassword>();
        services.AddScoped<Features.ChangePhone.ChangePhone>();
        services.AddScoped<IOutboxHandler, AccountNotices.Send>();
        services.AddScoped<IRegionPackImporter, DemoAccountImporter>();
        services.AddScoped<ClientRegistrations>();
        services.AddOpenIdConnectProvider(configuration);
        services.AddFederation(configuration);
        services.AddSingleton(new MySpaceLink("/account/my-data-reads", "谁查看了我的数据", "Who read my data", 80, "my-data-reads-link"));
        services.AddSingleton(new MySpaceLink("/account", "我的账号", "My account", 90, "my-account-link"));
        services.AddSingleton(new AdminLink("/admin/identity/accounts", "账号与实名", "Accounts and real names",
            "工作人员账号、角色与辖区；现场实名核验", "Staff accounts, roles and divisions; in-person verification", Policies.SystemAdministrator, 15));
        services.AddSingleton(new AdminLink("/admin/identity/enterprise-claims", "单位登记核验", "Enterprise claims",
            "核验法人库无法确认的单位登记；撤销登记有误的单位", "Verify enterprise claims the registry cannot prove; revoke wrongly held ones", VerifyInPersonModel.Policy, 17));
        services.AddSingleton(new AdminLink("/admin/identity/clients", "单点登录客户端", "Single sign-on clients",
            "登记门户、应用和部门系统；密钥、回调地址、可获得的信息", "Register portals, apps and department systems: secrets, redirect URIs, what each may receive", Policies.SystemAdministrator, 16));
        return services;
    }

    /// <summary>
    /// Plain refresh grants answered on the lean path (<see cref="RefreshGrants"/>); every other request goes on to
    /// OpenIddict. Must come before authentication, where OpenIddict's server takes its requests.
    /// </summary>
    public static IApplicationBuilder UseRefreshGrants(this IApplicationBuilder app)
    {
        var grants = app.ApplicationServices.GetRequiredService<RefreshGrants>();
        return app.Use(async (context, next) =>
        {
            if (!await grants.TryAnswerAsync(context)) await next(context);
        });
    }

    /// <summary>
    /// Staff who have not enrolled an authenticator yet, and anyone holding a password chosen by someone else, may only
    /// reach the security (and sign-out) pages.
    /// </summary>
    public static IApplicationBuilder UseIdentityGuards(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (AccountClaims.IsLimited(context.User) && !EnrolmentPaths.Allows(context.Request.Path))
        {
            context.Response.Redirect("/account/security");
            return;
        }
        await next(context);
    });

    public static IEndpointRouteBuilder MapIdentity(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/identity").WithTags("Identity");
        AccountEndpoints.Map(api);
        ProxyEndpoints.Map(api);
        OpenIdConnectEndpoints.Map(endpoints);
        FederationSetup.Map(endpoints);
        return endpoints;
    }
}
