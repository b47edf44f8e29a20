using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Kernel.Data;
using Tongban.Registries.Data;

namespace Tongban.Registries;

/// <summary>The base registries (population, legal entities, geospatial, credit lists), their bulk import and the access log of every read.</summary>
public static class RegistriesModule
{
    public static IServiceCollection AddRegistries(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDatabase<RegistriesDbContext, RegistriesSqliteContext, RegistriesPostgresContext>(configuration, "registries", RegistriesDbContext.Prefix);
        return services;
    }

    public static IEndpointRouteBuilder MapRegistries(this IEndpointRouteBuilder endpoints)
    {
        return endpoints;
    }
}
