using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Abstractions;
using Tongban.Identity.Features.ManageClients;

namespace Tongban.Identity.Features.OpenIdConnect;

/// <summary>
/// Whether a client may still use the access tokens it holds. Tokens are checked by signature, so a disabled or deleted
/// client's tokens would stay good until they expire (30 minutes); userinfo and the exchange ask here too. The answer is
/// remembered for <see cref="CacheFor"/> per instance; disabling or deleting forgets it here at once, and other instances
/// notice within that time.
/// </summary>
internal sealed class ClientStatus(IMemoryCache memory, IServiceScopeFactory scopes)
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);

    public async Task<bool> IsEnabledAsync(string? clientId, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(clientId)) return false;
        if (memory.TryGetValue(Key(clientId), out bool enabled)) return enabled;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
            enabled = await applications.FindByClientIdAsync(clientId, ct) is { } application && !await ClientRegistrations.IsDisabledAsync(applications, application, ct);
        }
        memory.Set(Key(clientId), enabled, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = CacheFor, Size = 1 });
        return enabled;
    }

    public void Forget(string clientId) => memory.Remove(Key(clientId));

    private static (string, string) Key(string clientId) => (nameof(ClientStatus), clientId);
}
