using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Tongban.Identity.Data;
using Tongban.Identity.Domain;

namespace Tongban.Identity.Features.Federation;

/// <summary>
/// The upstream in effect: configuration (<c>Identity:Federation</c>) until a system administrator saves it, then the
/// saved row (ADR 0012). A change drops the OpenIdConnect handler's cached options, so the next sign-in uses the new
/// ones without a restart; another instance notices the change when a sign-in starts there (one small read).
/// </summary>
internal sealed class UpstreamStore(IServiceScopeFactory scopes, IOptions<FederationOptions> configured, IOptionsMonitorCache<OpenIdConnectOptions> handlerOptions,
    IDataProtectionProvider protection)
{
    private volatile Loaded? _loaded;

    public IDataProtector Protector => protection.CreateProtector("Tongban.Identity.Federation.ClientSecret");

    /// <summary>The upstream as last loaded on this instance (the first call reads the row).</summary>
    public FederationOptions Current => (_loaded ??= Load()).Options;

    /// <summary>The upstream, reloaded first when the saved row changed since this instance loaded it.</summary>
    public async Task<FederationOptions> FreshAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var stamp = await scope.ServiceProvider.GetRequiredService<AccountsDbContext>().UpstreamSettings.AsNoTracking()
            .Select(s => (DateTimeOffset?)s.UpdatedAt).SingleOrDefaultAsync(ct);
        if (_loaded is not { } loaded || loaded.Stamp != stamp) Invalidate();
        return Current;
    }

    public void Invalidate()
    {
        _loaded = null;
        handlerOptions.TryRemove(FederationOptions.Scheme);
    }

    private Loaded Load()
    {
        using var scope = scopes.CreateScope();
        var row = scope.ServiceProvider.GetRequiredService<AccountsDbContext>().UpstreamSettings.AsNoTracking().SingleOrDefault();
        return row is null ? new(configured.Value, null) : new(Overlay(row), row.UpdatedAt);
    }

    /// <summary>The saved upstream; which claims carry the ID number and the level stay in configuration.</summary>
    private FederationOptions Overlay(UpstreamSettings row) => new()
    {
        Enabled = row.Enabled,
        Issuer = row.Issuer,
        ClientId = row.ClientId,
        ClientSecret = row.ProtectedClientSecret is { } secret ? Protector.Unprotect(secret) : null,
        Scopes = [.. row.Scopes],
        LevelMap = new(row.LevelMap, StringComparer.Ordinal),
        IdNumberClaim = configured.Value.IdNumberClaim,
        LevelClaim = configured.Value.LevelClaim,
        AllowHttpMetadata = row.Issuer.StartsWith("http://", StringComparison.OrdinalIgnoreCase), // checked loopback and development when saved
    };

    private sealed record Loaded(FederationOptions Options, DateTimeOffset? Stamp);
}
