using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Kernel.Data;
using Tongban.Kernel.Security;
using Tongban.Kernel.Seeding;
using Tongban.Kernel.Web;
using Tongban.Sharing.Contracts;
using Tongban.Sharing.Data;
using Tongban.Sharing.Features.ImportRegionPack;
using Tongban.Sharing.Features.LookUpGrants;
using Tongban.Sharing.Features.ManageGrants;
using Tongban.Sharing.Features.ManageResources;
using Tongban.Sharing.Features.ReportSharing;
using Tongban.Sharing.Features.RequestAccess;

namespace Tongban.Sharing;

/// <summary>The government information resource catalog (政务信息资源目录), access requests and sharing grants.</summary>
public static class SharingModule
{
    public static IServiceCollection AddSharing(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDatabase<SharingDbContext, SharingSqliteContext, SharingPostgresContext>(configuration, "sharing", SharingDbContext.Prefix);
        services.Configure<SharingOptions>(configuration.GetSection(SharingOptions.Section));
        services.AddSingleton<CatalogKeepers>();
        services.AddSingleton<SharingSnapshot>();
        services.AddChangeListener<SharingSnapshot>(ChangeTopics.Sharing, (snapshot, _) => snapshot.Invalidate());
        services.AddSingleton<GrantLookup>();
        services.AddSingleton<ResourceLookup>();
        services.AddSingleton<IDataGrants, DataGrants>();
        services.AddScoped<ManageResources>();
        services.AddScoped<RequestAccess>();
        services.AddScoped<ManageGrants>();
        services.AddScoped<SharingStatistics>();
        services.AddScoped<IRegionPackImporter, SharingPackImporter>();
        services.AddSingleton(new AdminLink("/admin/sharing", "数据共享", "Data sharing",
            "政务信息资源目录、共享申请与授权", "Resource catalog, access requests and grants", Policies.DataAdministrator, 40));
        return services;
    }

    public static IEndpointRouteBuilder MapSharing(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/sharing").WithTags("Sharing");
        ResourceEndpoints.Map(api);
        RequestEndpoints.Map(api);
        GrantEndpoints.Map(api);
        StatisticsEndpoints.Map(api);
        return endpoints;
    }
}
