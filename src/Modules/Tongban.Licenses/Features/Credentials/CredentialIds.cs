using Tongban.Licenses.Signing;

namespace Tongban.Licenses.Features.Credentials;

/// <summary>
/// The addresses credentials name. An issuing authority is <c>{origin}/licenses/issuers/{credit code}</c>; its JWK set
/// (every credential key it ever had, retired ones too) is that address + <c>/jwks.json</c>, and a key's <c>kid</c> is
/// the JWK set's address + <c>#{key id}</c>, so a verifier that holds only the credential finds the key.
/// </summary>
internal static class CredentialIds
{
    public const string Context = "https://www.w3.org/ns/credentials/v2";

    public static string Issuer(string origin, string issuer) => $"{origin}/licenses/issuers/{issuer}";

    public static string KeySet(string origin, string issuer) => $"{Issuer(origin, issuer)}/jwks.json";

    public static string Kid(string origin, SealKey key) => $"{KeySet(origin, key.Authority)}#{key.Id}";

    public static string StatusList(string origin, string issuer, string purpose) => $"{Issuer(origin, issuer)}/status/{purpose}";

    /// <summary>A license's credential id: its public verification page.</summary>
    public static string License(string origin, string identifier) => $"{origin}/licenses/verify?id={Uri.EscapeDataString(identifier)}";
}
