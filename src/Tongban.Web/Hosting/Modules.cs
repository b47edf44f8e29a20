using Tongban.Applications;
using Tongban.Catalog;
using Tongban.Exchange;
using Tongban.Identity;
using Tongban.Kernel;
using Tongban.Licenses;
using Tongban.Notifications;
using Tongban.Organization;
using Tongban.Registries;
using Tongban.Sharing;

namespace Tongban.Web.Hosting;

/// <summary>The one list of modules; the web host and the <c>tongban</c> command both compose from it.</summary>
public static class Modules
{
    public static IServiceCollection AddTongbanModules(this IServiceCollection services, IConfiguration configuration) => services
        .AddKernel(configuration)
        .AddOrganization(configuration)
        .AddCatalog(configuration)
        .AddRegistries(configuration)
        .AddSharing(configuration)
        .AddExchange(configuration)
        .AddIdentity(configuration)
        .AddApplications(configuration)
        .AddNotifications(configuration)
        .AddLicenses(configuration);

    public static IEndpointRouteBuilder MapTongbanModules(this IEndpointRouteBuilder endpoints) => endpoints
        .MapOrganization()
        .MapCatalog()
        .MapRegistries()
        .MapSharing()
        .MapExchange()
        .MapIdentity()
        .MapApplications()
        .MapNotifications()
        .MapLicenses();
}
