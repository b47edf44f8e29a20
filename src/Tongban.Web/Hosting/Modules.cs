using Tongban.Applications;
using Tongban.Catalog;
using Tongban.Exchange;
using Tongban.Federation;
using Tongban.Halls;
using Tongban.Identity;
using Tongban.Kernel;
using Tongban.Licenses;
using Tongban.Nodes;
using Tongban.Nodes.Contracts;
using Tongban.Notifications;
using Tongban.Organization;
using Tongban.Registries;
using Tongban.Sharing;
using Tongban.Statistics;

namespace Tongban.Web.Hosting;

/// <summary>
/// The one list of modules; the web host and the <c>tongban</c> command both compose from it. A node
/// (<c>Tongban:Role=node</c>, ADR 0014) composes the kernel and the Nodes module only.
/// </summary>
public static class Modules
{
    public static IServiceCollection AddTongbanModules(this IServiceCollection services, IConfiguration configuration) => NodeRole.IsNode(configuration)
        ? services.AddKernel(configuration).AddNodes(configuration)
        : services
        .AddKernel(configuration)
        .AddOrganization(configuration)
        .AddCatalog(configuration)
        .AddRegistries(configuration)
        .AddSharing(configuration)
        .AddExchange(configuration)
        .AddIdentity(configuration)
        .AddApplications(configuration)
        .AddNotifications(configuration)
        .AddLicenses(configuration)
        .AddNodes(configuration)
        .AddHalls(configuration)
        .AddStatistics(configuration)
        .AddFederation(configuration);

    public static IEndpointRouteBuilder MapTongbanModules(this IEndpointRouteBuilder endpoints) =>
        NodeRole.IsNode(endpoints.ServiceProvider.GetRequiredService<IConfiguration>()) ? endpoints.MapNodes() : endpoints
        .MapOrganization()
        .MapCatalog()
        .MapRegistries()
        .MapSharing()
        .MapExchange()
        .MapIdentity()
        .MapApplications()
        .MapNotifications()
        .MapLicenses()
        .MapNodes()
        .MapHalls()
        .MapStatistics()
        .MapFederation();
}
