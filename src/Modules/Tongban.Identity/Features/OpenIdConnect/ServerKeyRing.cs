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
/// The server's keys, kept in <c>idn_oidc_keys</c> protected by Data Protection (whose key ring is in the database,
/// so every instance reads them): an ECDSA P-256 key signs (ES256), an AES-256 key wraps the content keys of the
/// tokens only Tongban reads (A256KW), an RSA 2048 key signs ID tokens (RS256, which every relying party accepts;
/// <see cref="IdentityTokenSigning"/>). Signing keys made before ADR 0011's revision are RSA and still load, until
/// rotated away. At start-up a key older than <c>Identity:OpenIdConnect:KeyRotation</c> is replaced;
/// <c>tongban identity rotate-keys</c> replaces it at once. The current key signs and encrypts; the previous ones stay
/// in the JWKS and keep validating (see docs/operations.md, ADR 0011).
/// </summary>
internal sealed class ServerKeyRing(IServiceScopeFactory scopes, IDataProtectionProvider protection, TimeProvider clock,
    IOptions<OpenIdConnectOptions> options) : IConfigureOptions<OpenIddictServerOptions>, IOpenIdConnectKeys
{
    private IDataProtector Protector => protection.CreateProtector("Tongban.Identity.OpenIdConnect.ServerKeys");
    private SigningCredentials? _identityTokenSigning;

    /// <summary>The current RS256 key, which signs ID tokens (OpenIddict's path and the lean one); the others sign with ES256.</summary>
    public SigningCredentials IdentityTokenSigning => _identityTokenSigning ?? throw new InvalidOperationException("The server's keys are not loaded yet.");

    public void Configure(OpenIddictServerOptions server)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AccountsDbContext>();
        var now = clock.GetUtcNow();
        foreach (var use in Enum.GetValues<ServerKeyUse>())
        {
            var keys = db.ServerKeys.AsNoTracking().Where(k => k.Use == use).ToList();
            if (ServerKey.Due(keys, options.Value.KeyRotation, now)) keys.Add(Add(db, use, now, "scheduled"));
            // Enum order puts the ES256 keys first: OpenIddict signs with the first credential; ID tokens are re-pointed to RS256.
            foreach (var key in ServerKey.StillServing(keys, options.Value.KeyRetention, now).Select(Load))
            {
                if (use == ServerKeyUse.Encryption)
                    server.EncryptionCredentials.Add(new EncryptingCredentials(key, key is SymmetricSecurityKey ? SecurityAlgorithms.Aes256KW : SecurityAlgorithms.RsaOAEP, SecurityAlgorithms.Aes256CbcHmacSha512));
                else
                {
                    var credentials = new SigningCredentials(key, key is ECDsaSecurityKey ? SecurityAlgorithms.EcdsaSha256 : SecurityAlgorithms.RsaSha256);
                    server.SigningCredentials.Add(credentials);
                    if (use == ServerKeyUse.IdentityTokenSigning) _identityTokenSigning ??= credentials;
                }
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
        var material = use switch
        {
            ServerKeyUse.Signing => EcdsaPrefix + Convert.ToBase64String(ExportEcdsa()),
            ServerKeyUse.Encryption => AesPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            _ => Convert.ToBase64String(ExportRsa()),
        };
        var key = ServerKey.Create(use, Protector.Protect(material), now);
        db.ServerKeys.Add(key);
        db.Audit(new AuditRecord("system", "identity.oidc_key_created", $"oidc-key:{key.KeyId}", $"{use}, {why}", now));
        return key;
    }

    // Why these algorithms (ADR 0011): a refresh grant decrypts one token and signs three. An RSA-2048 private-key
    // operation costs ~0.3 ms, which alone would cap a core at ~800 grants a second; a P-256 signature costs ~0.03 ms,
    // and the encryption key is read only by Tongban, so a symmetric key serves. Only the ID token, which relying
    // parties verify with whatever library they have, pays for RSA (an RSA key's material has no prefix, as before).
    private const string EcdsaPrefix = "ec:";
    private const string AesPrefix = "aes:";

    private static byte[] ExportRsa()
    {
        using var rsa = RSA.Create(2048);
        return rsa.ExportPkcs8PrivateKey();
    }

    private static byte[] ExportEcdsa()
    {
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return ecdsa.ExportPkcs8PrivateKey();
    }

    private SecurityKey Load(ServerKey row)
    {
        var material = Protector.Unprotect(row.ProtectedKey);
        if (material.StartsWith(AesPrefix, StringComparison.Ordinal))
            return new SymmetricSecurityKey(Convert.FromBase64String(material[AesPrefix.Length..])) { KeyId = row.KeyId };
        if (material.StartsWith(EcdsaPrefix, StringComparison.Ordinal))
        {
            var ecdsa = ECDsa.Create();
            ecdsa.ImportPkcs8PrivateKey(Convert.FromBase64String(material[EcdsaPrefix.Length..]), out _);
            return new ECDsaSecurityKey(ecdsa) { KeyId = row.KeyId };
        }
        var rsa = RSA.Create();
        rsa.ImportPkcs8PrivateKey(Convert.FromBase64String(material), out _);
        return new RsaSecurityKey(rsa) { KeyId = row.KeyId };
    }
}
