using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenIddict.Abstractions;
using Tongban.Identity.Domain;
using Tongban.Kernel.Errors;
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
/// as client-credentials clients with their configured secrets (once, however many instances start together). In
/// production an administrator registers clients.
/// </summary>
internal sealed class DevelopmentClientSeeder(IServiceScopeFactory scopes, IConfiguration configuration) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var clients = configuration.GetSection("Authentication:DevelopmentClients").Get<List<DevelopmentClient>>() ?? [];
        foreach (var client in clients)
        {
            if (await ExistsAsync(client.ClientId, cancellationToken)) continue;
            using var scope = scopes.CreateScope();
            try
            {
                await scope.ServiceProvider.GetRequiredService<ClientRegistrations>().SeedAsync(new ClientRegistration(client.ClientId, client.ClientId,
                    Confidential: true, [], [], AuthorizationCode: false, ClientCredentials: true, [], client.Department), client.Secret, cancellationToken);
            }
            catch (Exception ex) when (ex is OpenIddictExceptions.ValidationException or DbUpdateException or DomainException)
            {
                // Another instance starting at the same moment registered it first; anything else is a failure.
                if (!await ExistsAsync(client.ClientId, cancellationToken)) throw;
            }
        }
    }

    /// <summary>Looked up in a scope of its own each time: the application manager's cache and the context are per scope.</summary>
    private async Task<bool> ExistsAsync(string clientId, CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>().FindByClientIdAsync(clientId, cancellationToken) is not null;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
