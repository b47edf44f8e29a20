using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using OpenIddict.Abstractions;
using Tongban.Identity.Data;
using Tongban.Identity.Domain;
using Tongban.Kernel.Audit;
using Tongban.Kernel.Errors;
using Tongban.Kernel.Outbox;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Tongban.Identity.Features.ManageClients;

/// <summary>A registered client as the administrator's list shows it.</summary>
internal sealed record ClientSummary(string ClientId, string DisplayName, bool Confidential, bool Disabled, string? Department, IReadOnlyList<string> RedirectUris, IReadOnlyList<string> Permissions);

/// <summary>
/// Registering, disabling and deleting clients of the OpenID Connect provider through OpenIddict's application manager.
/// A disabled client keeps its registration but loses its permissions (kept aside as a property), so OpenIddict itself
/// refuses it everything.
/// </summary>
internal sealed class ClientRegistrations(IOpenIddictApplicationManager applications, AccountsDbContext db, TimeProvider clock, Features.OpenIdConnect.ClientStatus status)
{
    private const string DepartmentProperty = "department";
    private const string DisabledProperty = "disabled_permissions";

    /// <summary>Registers the client for an administrator (audited); returns the secret of a confidential one, generated here and shown once.</summary>
    public async Task<string?> RegisterAsync(ClientRegistration input, string actor, CancellationToken ct)
    {
        var (client, secret, permissions) = await CreateAsync(input, null, ct);
        await AuditAsync(actor, "identity.client_registered", client.ClientId, permissions, ct);
        return secret;
    }

    /// <summary>Registers a client named in configuration, with its configured secret (development only; not an administrator's act).</summary>
    public Task SeedAsync(ClientRegistration input, string secret, CancellationToken ct) => CreateAsync(input, secret, ct);

    private async Task<(ClientRegistration Client, string? Secret, string Permissions)> CreateAsync(ClientRegistration input, string? secret, CancellationToken ct)
    {
        var client = ClientRules.Check(input);
        if (await applications.FindByClientIdAsync(client.ClientId, ct) is not null)
            throw new DomainException(new DomainError("client.duplicate", "该客户端标识已登记", "That client id is already registered", ErrorKind.Conflict, "ClientId"));
        secret = client.Confidential ? secret ?? WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32)) : null;
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = client.ClientId, ClientSecret = secret, DisplayName = client.DisplayName, ConsentType = ConsentTypes.Explicit,
            ClientType = client.Confidential ? ClientTypes.Confidential : ClientTypes.Public,
        };
        descriptor.DisplayNames[System.Globalization.CultureInfo.GetCultureInfo("zh-CN")] = client.DisplayName;
        foreach (var uri in client.RedirectUris) descriptor.RedirectUris.Add(new Uri(uri));
        foreach (var uri in client.PostLogoutRedirectUris) descriptor.PostLogoutRedirectUris.Add(new Uri(uri));
        descriptor.Permissions.UnionWith(Permissions(client));
        if (client.AuthorizationCode) descriptor.Requirements.Add(Requirements.Features.ProofKeyForCodeExchange);
        if (client.Department is { } department) descriptor.Properties[DepartmentProperty] = JsonSerializer.SerializeToElement(department);
        await applications.CreateAsync(descriptor, ct);
        return (client, secret, string.Join(' ', descriptor.Permissions.Order(StringComparer.Ordinal)));
    }

    public async Task<IReadOnlyList<ClientSummary>> ListAsync(CancellationToken ct)
    {
        var list = new List<ClientSummary>();
        await foreach (var application in applications.ListAsync(count: null, offset: null, ct))
        {
            var properties = await applications.GetPropertiesAsync(application, ct);
            list.Add(new ClientSummary(
                (await applications.GetClientIdAsync(application, ct))!, await applications.GetDisplayNameAsync(application, ct) ?? "",
                await applications.HasClientTypeAsync(application, ClientTypes.Confidential, ct), properties.ContainsKey(DisabledProperty),
                await DepartmentAsync(applications, application, ct), await applications.GetRedirectUrisAsync(application, ct),
                await applications.GetPermissionsAsync(application, ct)));
        }
        return list.OrderBy(c => c.ClientId, StringComparer.Ordinal).ToList();
    }

    public async Task DisableAsync(string clientId, string actor, CancellationToken ct)
    {
        var application = await FindAsync(clientId, ct);
        var descriptor = new OpenIddictApplicationDescriptor();
        await applications.PopulateAsync(descriptor, application, ct);
        if (descriptor.Properties.ContainsKey(DisabledProperty)) return;
        descriptor.Properties[DisabledProperty] = JsonSerializer.SerializeToElement(descriptor.Permissions);
        descriptor.Permissions.Clear();
        await applications.UpdateAsync(application, descriptor, ct);
        status.Forget(clientId);
        await AuditAsync(actor, "identity.client_disabled", clientId, null, ct);
    }

    public async Task DeleteAsync(string clientId, string actor, CancellationToken ct)
    {
        await applications.DeleteAsync(await FindAsync(clientId, ct), ct);
        status.Forget(clientId);
        await AuditAsync(actor, "identity.client_deleted", clientId, null, ct);
    }

    /// <summary>Whether an administrator disabled the client (its permissions are kept aside).</summary>
    public static async Task<bool> IsDisabledAsync(IOpenIddictApplicationManager applications, object application, CancellationToken ct) =>
        (await applications.GetPropertiesAsync(application, ct)).ContainsKey(DisabledProperty);

    /// <summary>The credit code of the department a system client belongs to, or null.</summary>
    public static async Task<string?> DepartmentAsync(IOpenIddictApplicationManager applications, object application, CancellationToken ct) =>
        (await applications.GetPropertiesAsync(application, ct)).TryGetValue(DepartmentProperty, out var value) ? value.GetString() : null;

    private async Task<object> FindAsync(string clientId, CancellationToken ct) =>
        await applications.FindByClientIdAsync(clientId, ct) ?? throw new DomainException(DomainError.NotFound("客户端", "The client"));

    private static IEnumerable<string> Permissions(ClientRegistration client)
    {
        yield return OpenIddictConstants.Permissions.Endpoints.Token;
        if (client.ClientCredentials) yield return OpenIddictConstants.Permissions.GrantTypes.ClientCredentials;
        if (!client.AuthorizationCode) yield break;
        yield return OpenIddictConstants.Permissions.Endpoints.Authorization;
        yield return OpenIddictConstants.Permissions.Endpoints.EndSession;
        yield return OpenIddictConstants.Permissions.GrantTypes.AuthorizationCode;
        yield return OpenIddictConstants.Permissions.ResponseTypes.Code;
        foreach (var scope in client.Scopes.Where(s => s != Scopes.OpenId))
            yield return scope == Scopes.OfflineAccess ? OpenIddictConstants.Permissions.GrantTypes.RefreshToken : OpenIddictConstants.Permissions.Prefixes.Scope + scope;
    }

    private async Task AuditAsync(string actor, string action, string clientId, string? details, CancellationToken ct)
    {
        db.Audit(new AuditRecord(actor, action, $"client:{clientId}", details, clock.GetUtcNow()));
        await db.SaveChangesAsync(ct);
    }
}
