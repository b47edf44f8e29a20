using System.Globalization;
using Tongban.Licenses.Domain;
using Tongban.Licenses.Signing;

namespace Tongban.Licenses.Features.IssueLicenses;

/// <summary>What a new license is made from besides its input: type, issuer, the reserved serial and status place, the key.</summary>
internal sealed record SealingContext(string TypeCode, int TypeVersion, string TypeName, string IssuerCode, string IssuerName, SealKey Key);

/// <summary>Makes a sealed license: its identifier from the serial, its face, the canonical JSON and the signature over it.</summary>
internal sealed class LicenseSealer(SealKeys keys)
{
    public License Seal(SealingContext context, CheckedInput input, long serialNumber, int statusIndex, LicenseSource source, string? sourceKey,
        LicenseOfficer officer, DateTimeOffset at, int version = 1, string? serial = null, License? previous = null)
    {
        serial ??= $"{input.IssuedOn.Year}{serialNumber.ToString("D6", CultureInfo.InvariantCulture)}";
        var identifier = new LicenseIdentifier(context.TypeCode, context.IssuerCode, serial, version).ToString();
        var face = new LicenseFace(identifier, context.TypeCode, context.TypeName, input.Number ?? serial, context.IssuerCode, context.IssuerName,
            input.Holder, input.IssuedOn, input.ValidUntil, input.Fields, previous?.Identifier);
        var canonical = LicenseDocument.Canonical(face, context.Key.Id, SealCrypto.Name(context.Key.Algorithm));
        var signature = keys.Sign(context.Key, LicenseDocument.Bytes(canonical));
        return License.Issue(face, context.TypeVersion, new Seal(canonical, signature, context.Key.Id), source, sourceKey, statusIndex, officer, at, previous?.Id);
    }
}
