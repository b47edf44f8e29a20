using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Kernel.Audit;
using Tongban.Kernel.Data;
using Tongban.Kernel.Security;
using Tongban.Kernel.Seeding;
using Tongban.Kernel.Web;
using Tongban.Registries.Contracts;
using Tongban.Registries.Data;
using Tongban.Registries.Domain;
using Tongban.Registries.Features.DepartmentFacts;
using Tongban.Registries.Features.GenerateRecords;
using Tongban.Registries.Features.ImportRecords;
using Tongban.Registries.Features.LogAccess;
using Tongban.Registries.Features.ReadRecords;

namespace Tongban.Registries;

/// <summary>The base registries (population, legal entities, geospatial, credit lists), their bulk import and the access log of every read.</summary>
public static class RegistriesModule
{
    public static IServiceCollection AddRegistries(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDatabase<RegistriesDbContext, RegistriesSqliteContext, RegistriesPostgresContext>(configuration, "registries", RegistriesDbContext.Prefix);
        services.AddSingleton<SubjectHasher>();
        services.AddSingleton<AccessLog>();
        services.AddHashChain<RegistriesDbContext, AccessLogEntry, AccessLogHead>(AccessLog.ChainName);
        services.AddSingleton<CurrentRecords>();
        services.AddScoped<RegistryReader>();
        services.AddScoped<IRegistryRecords>(sp => sp.GetRequiredService<RegistryReader>());
        services.AddScoped<IRegistryVerification, RegistryFacts>();
        services.AddScoped<DepartmentFactReader>();
        services.AddScoped<IRegionPackImporter, DepartmentFactImporter>();
        services.AddScoped<ReadsOfSubject>();
        services.AddScoped<ImportRecords>();
        services.AddScoped<RegistryImport>();
        services.AddScoped<IRegistryImport>(sp => sp.GetRequiredService<RegistryImport>());
        services.AddScoped<IRegionPackImporter, RegistriesPackImporter>();
        services.AddSingleton(new AdminLink("/admin/registries", "基础库", "Base registries",
            "人口、法人、地理空间、信用名单；查询记录与“谁查看了我的数据”", "Population, legal entities, geospatial, credit lists; reads and who read whose data",
            Policies.DataAdministrator, 40));
        return services;
    }

    public static IEndpointRouteBuilder MapRegistries(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/registries").WithTags("Registries");
        RegistryEndpoints.Map(api);
        ImportEndpoints.Map(api);
        return endpoints;
    }
}
