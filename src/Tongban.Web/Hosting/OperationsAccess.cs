using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using Tongban.Kernel.Security;

namespace Tongban.Web.Hosting;

/// <summary>Section <c>Operations</c>: who may read /metrics and the API description (/openapi).</summary>
public sealed class OperationsOptions
{
    public const string Section = "Operations";

    /// <summary>
    /// Only system administrators and <see cref="InternalNetworks"/> reach them. On in appsettings.json; development
    /// (and the test host) leave them open.
    /// </summary>
    public bool Restricted { get; set; } = true;

    /// <summary>
    /// Networks whose requests need no sign-in, e.g. the Prometheus scraper's <c>10.0.8.0/24</c>. Behind a proxy, list
    /// it under ForwardedHeaders, or every request looks as if it came from the proxy's address.
    /// </summary>
    public List<string> InternalNetworks { get; set; } = [];
}

/// <summary>The policy guarding the operations endpoints.</summary>
public static class OperationsAccess
{
    public const string Policy = "operations";

    public static IServiceCollection AddOperationsAccess(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<OperationsOptions>(configuration.GetSection(OperationsOptions.Section));
        services.AddAuthorization(o => o.AddPolicy(Policy, p => p.RequireAssertion(Allows)));
        return services;
    }

    private static bool Allows(AuthorizationHandlerContext context)
    {
        if (context.Resource is not HttpContext http) return false;
        var options = http.RequestServices.GetRequiredService<IOptions<OperationsOptions>>().Value;
        return !options.Restricted || context.User.IsInRole(Policies.SystemAdministrator) || IsInternal(http.Connection.RemoteIpAddress, options);
    }

    internal static bool IsInternal(IPAddress? address, OperationsOptions options)
    {
        if (address is null) return false;
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        return options.InternalNetworks.Any(n => System.Net.IPNetwork.Parse(n).Contains(address));
    }
}
