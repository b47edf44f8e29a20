using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Kernel.Data;
using Tongban.Kernel.Outbox;
using Tongban.Kernel.Security;
using Tongban.Kernel.Seeding;
using Tongban.Kernel.Web;
using Tongban.Licenses.Contracts;
using Tongban.Licenses.Data;
using Tongban.Licenses.Features.ExportLicenses;
using Tongban.Licenses.Features.ChangeStatus;
using Tongban.Licenses.Features.ImportHistory;
using Tongban.Licenses.Features.Credentials;
using Tongban.Licenses.Features.ImportRegionPack;
using Tongban.Licenses.Features.IssueFromCases;
using Tongban.Licenses.Features.IssueLicenses;
using Tongban.Licenses.Features.ManageTypes;
using Tongban.Licenses.Features.ReadLicenses;
using Tongban.Licenses.Features.Statistics;
using Tongban.Licenses.Features.Rendering;
using Tongban.Licenses.Features.VerifyLicense;
using Tongban.Licenses.Features.UseAsMaterial;
using Tongban.Licenses.Features.Wallet;
using Tongban.Licenses.Signing;

namespace Tongban.Licenses;

/// <summary>The electronic license library (电子证照库): license types, issuing, seals, lifecycle, verification, the holder's wallet.</summary>
public static class LicensesModule
{
    public static IServiceCollection AddLicenses(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDatabase<LicensesDbContext, LicensesSqliteContext, LicensesPostgresContext>(configuration, "licenses", LicensesDbContext.Prefix);
        services.Configure<LicensesOptions>(configuration.GetSection(LicensesOptions.Section));
        services.AddSingleton<KeyFile>();
        services.AddSingleton<KeyRing>();
        services.AddScoped<SealKeys>();
        services.AddScoped<LicenseSealer>();
        services.AddScoped<ManageTypes>();
        services.AddScoped<TemplateBackgrounds>();
        services.AddScoped<TypeDirectory>();
        services.AddScoped<IOutboxHandler, IssueFromCase>();
        services.AddScoped<IRegionPackImporter, LicenseTypePackImporter>();
        services.AddScoped<IssueLicense>();
        services.AddScoped<ChangeLicenseStatus>();
        services.AddScoped<RenewLicense>();
        services.AddScoped<LicenseReader>();
        services.AddScoped<AdminLicenses>();
        services.AddSingleton<UseLog>();
        services.AddSingleton<CheckedSeals>();
        services.AddSingleton<LicenseRows>();
        services.AddScoped<VerifyLicense>();
        services.AddScoped<Wallet>();
        services.AddScoped<ShareLicense>();
        services.AddScoped<StatusLists>();
        services.AddScoped<LicenseCredential>();
        services.AddScoped<LicensePdf>();
        services.AddSingleton(new MySpaceLink("/my/licenses", "我的证照", "My licenses", 40, "my-licenses-link"));
        services.AddScoped<ILicenseLibrary, LicenseLibrary>();
        services.AddScoped<Applications.Contracts.ILicenseMaterials, LicenseMaterials>();
        services.AddLicenseHistory();
        services.AddSingleton(new AdminLink("/admin/licenses", "电子证照库", "License library",
            "证照目录（新建、修改、审核）、手工颁证、证照查询和状态变更、历史数据导入和质量报告", "License types (create, change, review), issuing by hand, finding licenses and changing their status, historical imports and their quality report", Policies.LicenseAdministrator, 18));
        return services;
    }

    public static IEndpointRouteBuilder MapLicenses(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/licenses").WithTags("Licenses");
        TypeEndpoints.Map(api);
        LicenseAdminEndpoints.Map(api);
        CaseIssueEndpoints.Map(api);
        VerifyEndpoints.Map(api);
        StatisticsEndpoints.Map(api);
        ImportEndpoints.Map(api);
        QrCodes.Map(endpoints);
        CredentialEndpoints.Map(endpoints);
        PdfEndpoints.Map(endpoints);
        return endpoints;
    }
}
