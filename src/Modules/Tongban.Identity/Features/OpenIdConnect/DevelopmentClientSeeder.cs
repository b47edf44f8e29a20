using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenIddict.Abstractions;
using Tongban.Identity.Domain;
using Tongban.Identity.Features.ManageClients;

namespace Tongban.Identity.Features.OpenIdConnect;

/// <summary>A department system listed in <c>Authentication:DevelopmentClients</c>.</summary>
internal sealed class DevelopmentClient
{
    public string ClientId { get; set; } = "";
    public string Secret { get; set; } = "";

    /// <summary>Credit code of the department the system belongs to.</summary>
    public string Department { get; set; } = "";
}

/// <summary>
/// With the development sign-in on, the systems of <c>Authentication:DevelopmentClients</c> are registered at start-up
/// as client-credentials clients with their configured secrets. In production an administrator registers clients.
/// </summary>
internal sealed class DevelopmentClientSeeder(IServiceScopeFactory scopes, IConfiguration configuration) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var clients = configuration.GetSection("Authentication:DevelopmentClients").Get<List<DevelopmentClient>>() ?? [];
        using var scope = scopes.CreateScope();
        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        var registrations = scope.ServiceProvider.GetRequiredService<ClientRegistrations>();
        foreach (var client in clients)
        {
            if (await applications.FindByClientIdAsync(client.ClientId, cancellationToken) is not null) continue;
            await registrations.SeedAsync(new ClientRegistration(client.ClientId, client.ClientId, Confidential: true, [], [],
                AuthorizationCode: false, ClientCredentials: true, [], client.Department), client.Secret, cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
