using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Server;
using Tongban.Identity.Contracts;
using Tongban.Identity.Data;
using Tongban.Identity.Domain;
using Tongban.Kernel.Audit;
using Tongban.Kernel.Outbox;

namespace Tongban.Identity.Features.OpenIdConnect;

/// <summary>
/// The server's RSA keys, kept in <c>idn_oidc_keys</c> protected by Data Protection (whose key ring is in the database,
/// so every instance reads them). At start-up a key older than <c>Identity:OpenIdConnect:KeyRotation</c> is replaced;
/// <c>tongban identity rotate-keys</c> replaces it at once. The current key signs and encrypts; the previous ones stay
/// in the JWKS and keep validating (see docs/operations.md, ADR 0011).
/// </summary>
internal sealed class ServerKeyRing(IServiceScopeFactory scopes, IDataProtectionProvider protection, TimeProvider clock,
    IOptions<OpenIdConnectOptions> options) : IConfigureOptions<OpenIddictServerOptions>, IOpenIdConnectKeys
{
    private IDataProtector Protector => protection.CreateProtector("Tongban.Identity.OpenIdConnect.ServerKeys");

    public void Configure(OpenIddictServerOptions server)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AccountsDbContext>();
        var now = clock.GetUtcNow();
        foreach (var use in Enum.GetValues<ServerKeyUse>())
        {
            var keys = db.ServerKeys.AsNoTracking().Where(k => k.Use == use).ToList();
            if (ServerKey.Due(keys, options.Value.KeyRotation, now)) keys.Add(Add(db, use, now, "scheduled"));
            foreach (var key in ServerKey.StillServing(keys, options.Value.KeyRetention, now).Select(Load))
            {
                if (use == ServerKeyUse.Signing) server.SigningCredentials.Add(new SigningCredentials(key, SecurityAlgorithms.RsaSha256));
                else server.EncryptionCredentials.Add(new EncryptingCredentials(key, SecurityAlgorithms.RsaOAEP, SecurityAlgorithms.Aes256CbcHmacSha512));
            }
        }
        db.SaveChanges();
    }

    /// <summary>Adds a new signing and a new encryption key; instances use them from their next start.</summary>
    public async Task RotateAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AccountsDbContext>();
        foreach (var use in Enum.GetValues<ServerKeyUse>()) Add(db, use, clock.GetUtcNow(), "on command");
        await db.SaveChangesAsync(cancellationToken);
    }

    private ServerKey Add(AccountsDbContext db, ServerKeyUse use, DateTimeOffset now, string why)
    {
        using var rsa = RSA.Create(2048);
        var key = ServerKey.Create(use, Protector.Protect(Convert.ToBase64String(rsa.ExportPkcs8PrivateKey())), now);
        db.ServerKeys.Add(key);
        db.Audit(new AuditRecord("system", "identity.oidc_key_created", $"oidc-key:{key.KeyId}", $"{use}, {why}", now));
        return key;
    }

    private RsaSecurityKey Load(ServerKey row)
    {
        var rsa = RSA.Create();
        rsa.ImportPkcs8PrivateKey(Convert.FromBase64String(Protector.Unprotect(row.ProtectedKey)), out _);
        return new RsaSecurityKey(rsa) { KeyId = row.KeyId };
    }
}
