namespace Tongban.Identity.Domain;

/// <summary>What an OpenID Connect server key is for: signing tokens (published in the JWKS), encrypting them, or signing ID tokens.</summary>
internal enum ServerKeyUse
{
    /// <summary>ECDSA P-256 (ES256): access and refresh tokens, authorization codes.</summary>
    Signing,

    /// <summary>AES-256 (A256KW): codes and refresh tokens, read only by Tongban.</summary>
    Encryption,

    /// <summary>RSA 2048 (RS256): ID tokens, the algorithm every relying party must accept (OpenID Connect Discovery §3).</summary>
    IdentityTokenSigning,
}

/// <summary>
/// A key of the OpenID Connect server, its private part stored protected (never in clear). The newest key of a
/// use is the current one; older ones stay published and usable for validation and decryption for a while after a
/// newer one replaced them (<see cref="StillServing"/>), so tokens issued before a rotation keep working.
/// </summary>
internal sealed class ServerKey
{
    private ServerKey() { }

    public Guid Id { get; private set; }
    public ServerKeyUse Use { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>The PKCS#8 private key, protected with ASP.NET Core Data Protection.</summary>
    public string ProtectedKey { get; private set; } = "";

    public static ServerKey Create(ServerKeyUse use, string protectedKey, DateTimeOffset at) =>
        new() { Id = Guid.CreateVersion7(), Use = use, ProtectedKey = protectedKey, CreatedAt = at };

    /// <summary>The key id published in the JWKS and written in each token's header.</summary>
    public string KeyId => Id.ToString("N");

    /// <summary>
    /// The keys of one use still in service, newest first: the current key, the previous one, and any older key
    /// replaced less than <paramref name="retention"/> ago (a refresh token encrypted with it may still come back).
    /// </summary>
    public static IReadOnlyList<ServerKey> StillServing(IEnumerable<ServerKey> keys, TimeSpan retention, DateTimeOffset now)
    {
        var ordered = keys.OrderByDescending(k => k.CreatedAt).ToList();
        var serving = ordered.Take(2).ToList();
        for (var i = 2; i < ordered.Count && ordered[i - 1].CreatedAt + retention > now; i++) serving.Add(ordered[i]);
        return serving;
    }

    /// <summary>Whether the current key is due for replacement.</summary>
    public static bool Due(IEnumerable<ServerKey> keys, TimeSpan rotation, DateTimeOffset now) =>
        keys.Select(k => (DateTimeOffset?)k.CreatedAt).Max() is not { } newest || newest + rotation <= now;
}
