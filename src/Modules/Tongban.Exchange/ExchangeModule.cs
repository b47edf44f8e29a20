using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Exchange.Features.QueryRecords;

namespace Tongban.Exchange;

/// <summary>
/// The exchange API: department systems, as OAuth2 clients, read the fields their grants allow from the
/// resources the sharing module publishes. The department exchange nodes (前置机) will sit in front of it.
/// </summary>
public static class ExchangeModule
{
    public static IServiceCollection AddExchange(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ExchangeOptions>(configuration.GetSection(ExchangeOptions.Section));
        services.AddScoped<QueryRecords>();
        return services;
    }

    public static IEndpointRouteBuilder MapExchange(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/exchange").WithTags("Exchange");
        QueryEndpoints.Map(api);
        return endpoints;
    }
}

/// <summary>Section <c>Exchange</c>.</summary>
internal sealed class ExchangeOptions
{
    public const string Section = "Exchange";

    /// <summary>The most records one call may return (credit lists can hold several entries per subject).</summary>
    public int MaxPageSize { get; set; } = 50;
}
