using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Core;
using OpenIddict.EntityFrameworkCore.Models;

namespace Tongban.Identity.Features.OpenIdConnect;

/// <summary>
/// OpenIddict's application manager, with one change: a client secret that has once matched its stored hash is
/// remembered for <see cref="Remember"/>. Stored secrets stay PBKDF2 hashes, and a wrong secret always pays the full
/// derivation; but a department system presenting its secret on every token request no longer pays milliseconds of
/// PBKDF2 each time (ADR 0011). The memory holds only SHA-256 digests of (stored hash, secret): changing or removing
/// a secret changes the stored hash, so what was remembered stops matching at once.
/// </summary>
internal sealed class RememberingApplicationManager(
    IOpenIddictApplicationCache<OpenIddictEntityFrameworkCoreApplication<Guid>> cache,
    ILogger<OpenIddictApplicationManager<OpenIddictEntityFrameworkCoreApplication<Guid>>> logger,
    IOptionsMonitor<OpenIddictCoreOptions> options,
    IOpenIddictApplicationStore<OpenIddictEntityFrameworkCoreApplication<Guid>> store,
    IMemoryCache memory)
    : OpenIddictApplicationManager<OpenIddictEntityFrameworkCoreApplication<Guid>>(cache, logger, options, store)
{
    private static readonly TimeSpan Remember = TimeSpan.FromMinutes(5);

    protected override async ValueTask<bool> ValidateClientSecretAsync(string secret, string comparand, CancellationToken cancellationToken = default)
    {
        var key = (nameof(RememberingApplicationManager), Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(comparand + "\n" + secret))));
        if (memory.TryGetValue(key, out _)) return true;
        if (!await base.ValidateClientSecretAsync(secret, comparand, cancellationToken)) return false;
        memory.Set(key, true, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = Remember, Size = 1 });
        return true;
    }
}
