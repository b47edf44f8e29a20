namespace Tongban.Licenses.Contracts;

/// <summary>
/// A license as exported for checking elsewhere: <see cref="LicenseJson"/> is exactly the signed bytes (RFC 8785
/// canonical JSON, UTF-8), <see cref="Signature"/> the DER signature over them, <see cref="IssuerPublicKeyPem"/> the
/// issuer's public key (PEM SubjectPublicKeyInfo). For SM2 (<see cref="Algorithm"/> "SM2-SM3") OpenSSL 3 verifies it:
/// <c>openssl pkeyutl -verify -pubin -inkey issuer.pem -rawin -in license.json -sigfile license.sig -digest sm3 -pkeyopt distid:1234567812345678</c>.
/// </summary>
public sealed record LicenseExport(string Identifier, byte[] LicenseJson, byte[] Signature, string IssuerPublicKeyPem, string Algorithm);

/// <summary>A signing key as the command line reports it: never the private half.</summary>
public sealed record SealKeyInfo(string KeyId, string Authority, string Purpose, string Algorithm, DateTimeOffset CreatedAt);

/// <summary>What the <c>tongban licenses</c> commands do.</summary>
public interface ILicenseLibrary
{
    /// <summary>Identifiers of the licenses of a type and/or a holder (ID number or credit code), oldest first.</summary>
    Task<IReadOnlyList<string>> ListAsync(string? typeCode, string? holderCode, string actor, CancellationToken cancellationToken);

    /// <summary>The license's signed bytes, signature and issuer key; recorded in the license's use log.</summary>
    /// <exception cref="Kernel.Errors.DomainException">A malformed identifier, or no such license.</exception>
    Task<LicenseExport> ExportAsync(string identifier, string actor, CancellationToken cancellationToken);

    /// <summary>Retires the authority's current seal and credential keys and makes new ones; the old ones keep verifying.</summary>
    Task<IReadOnlyList<SealKeyInfo>> RotateKeyAsync(string authority, string actor, CancellationToken cancellationToken);
}
