using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Kernel.Data;
using Tongban.Kernel.Security;
using Tongban.Kernel.Seeding;
using Tongban.Kernel.Web;
using Tongban.Organization.Contracts;
using Tongban.Organization.Data;
using Tongban.Organization.Features;
using Tongban.Organization.Features.BrowseHalls;
using Tongban.Organization.Features.ImportRegionPack;
using Tongban.Organization.Features.ManageDepartments;
using Tongban.Organization.Features.ManageDivisions;
using Tongban.Organization.Features.ManageHalls;
using Tongban.Organization.Features.ManageStations;

namespace Tongban.Organization;

/// <summary>Divisions, departments, halls with windows, stations: the organisation of the service network.</summary>
public static class OrganizationModule
{
    public static IServiceCollection AddOrganization(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDatabase<OrganizationDbContext, OrganizationSqliteContext, OrganizationPostgresContext>(configuration, "organization", OrganizationDbContext.Prefix);
        services.AddScoped<IOrganizationDirectory, OrganizationDirectory>();
        services.AddScoped<HallQueries>();
        services.AddScoped<EditDivisions>();
        services.AddScoped<ImportDivisions>();
        services.AddScoped<IDivisionImport>(sp => sp.GetRequiredService<ImportDivisions>());
        services.AddScoped<EditDepartments>();
        services.AddScoped<EditHalls>();
        services.AddScoped<EditStations>();
        services.AddScoped<IRegionPackImporter, OrganizationPackImporter>();
        services.AddSingleton(new AdminLink("/admin/organization", "组织机构", "Organisation",
            "行政区划、部门、服务大厅与窗口、驿站", "Divisions, departments, halls and windows, stations", Policies.SystemAdministrator, 10));
        return services;
    }

    public static IEndpointRouteBuilder MapOrganization(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/organization").WithTags("Organization");
        DivisionEndpoints.Map(api);
        DepartmentEndpoints.Map(api);
        HallEndpoints.Map(api);
        StationEndpoints.Map(api);
        return endpoints;
    }
}
