using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Kernel.Data;
using Tongban.Kernel.Seeding;
using Tongban.Registries.Data;
using Tongban.Registries.Features.GenerateRecords;
using Tongban.Registries.Features.ImportRecords;

namespace Tongban.Registries;

/// <summary>The base registries (population, legal entities, geospatial, credit lists), their bulk import and the access log of every read.</summary>
public static class RegistriesModule
{
    public static IServiceCollection AddRegistries(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDatabase<RegistriesDbContext, RegistriesSqliteContext, RegistriesPostgresContext>(configuration, "registries", RegistriesDbContext.Prefix);
        services.AddScoped<ImportRecords>();
        services.AddScoped<RegistryImport>();
        services.AddScoped<Contracts.IRegistryImport>(sp => sp.GetRequiredService<RegistryImport>());
        services.AddScoped<IRegionPackImporter, RegistriesPackImporter>();
        return services;
    }

    public static IEndpointRouteBuilder MapRegistries(this IEndpointRouteBuilder endpoints)
    {
        ImportEndpoints.Map(endpoints.MapGroup("/api/registries").WithTags("Registries"));
        return endpoints;
    }
}
