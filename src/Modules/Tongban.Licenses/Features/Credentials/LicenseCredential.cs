using System.Text.Json.Nodes;
using Tongban.Kernel.Errors;
using Tongban.Kernel.Time;
using Tongban.Licenses.Domain;
using Tongban.Licenses.Features.ReadLicenses;
using Tongban.Licenses.Signing;

namespace Tongban.Licenses.Features.Credentials;

/// <summary>
/// A license as a W3C Verifiable Credential 2.0 secured with VC-JOSE-COSE (compact JWS, <c>application/vc+jwt</c>,
/// ES256 with the issuer's credential key; JOSE registers no SM2 algorithm). Made from the face read through the
/// seal, so only a license whose seal verifies becomes a credential. The subject is the holder by name (as printed on
/// the license, so a verifier can match the person presenting it) with the holder's code as pages show it to others
/// (an ID number masked 6+4, a credit code whole), and the license's values. Its <c>credentialStatus</c> names the
/// license's place in the issuer's revocation and suspension lists (<see cref="StatusLists"/>).
/// </summary>
internal sealed class LicenseCredential(SealKeys keys, RegionClock clock)
{
    public async Task<string> IssueAsync(SealedLicense sealedLicense, string origin, CancellationToken ct)
    {
        if (!sealedLicense.SignatureValid || sealedLicense.Face is not { } face)
            throw new DomainException(new DomainError("license.seal_invalid", "该证照签章验证失败，不能生成可验证凭证",
                "The license's seal does not verify; no credential can be made from it", ErrorKind.Conflict));
        var key = await keys.CurrentAsync(face.IssuerCode, KeyPurpose.Credential, ct);
        return Jws.Sign(Payload(face, sealedLicense.License.StatusIndex, origin), CredentialIds.Kid(origin, key), data => keys.Sign(key, data));
    }

    private JsonObject Payload(LicenseFace face, int index, string origin)
    {
        var fields = new JsonObject();
        foreach (var (k, v) in face.Fields) fields[k] = v;
        var vc = new JsonObject
        {
            ["@context"] = new JsonArray(CredentialIds.Context),
            ["id"] = CredentialIds.License(origin, face.Identifier),
            ["type"] = new JsonArray("VerifiableCredential", "ElectronicLicenseCredential"),
            ["name"] = face.TypeName,
            ["issuer"] = new JsonObject { ["id"] = CredentialIds.Issuer(origin, face.IssuerCode), ["name"] = face.IssuerName },
            ["validFrom"] = Instant(face.IssuedOn, TimeOnly.MinValue),
            ["credentialSubject"] = new JsonObject
            {
                ["type"] = "LicenseHolder",
                ["name"] = face.Holder.Name,
                ["holderCodeType"] = face.Holder.CodeType,
                ["holderCode"] = face.Holder.MaskedCode,
                ["license"] = new JsonObject
                {
                    ["identifier"] = face.Identifier, ["typeCode"] = face.TypeCode, ["typeName"] = face.TypeName, ["number"] = face.Number,
                    ["issuedOn"] = face.ValueOf(StandardFields.IssuedOn), ["validUntil"] = face.ValidUntil is null ? null : face.ValueOf(StandardFields.ValidUntil),
                    ["fields"] = fields,
                },
            },
            ["credentialStatus"] = new JsonArray([.. StatusLists.Purposes.Select(p => Entry(origin, face.IssuerCode, p, index))]),
            ["iat"] = clock.UtcNow.ToUnixTimeSeconds(),
        };
        if (face.ValidUntil is { } until) vc["validUntil"] = Instant(until, new TimeOnly(23, 59, 59));
        return vc;
    }

    private static JsonObject Entry(string origin, string issuer, string purpose, int index)
    {
        var list = CredentialIds.StatusList(origin, issuer, purpose);
        return new JsonObject
        {
            ["id"] = $"{list}#{StatusLists.Index(index)}", ["type"] = "BitstringStatusListEntry", ["statusPurpose"] = purpose,
            ["statusListIndex"] = StatusLists.Index(index), ["statusListCredential"] = list,
        };
    }

    /// <summary>A date's moment in the region's zone, as the spec's dateTimeStamp.</summary>
    private string Instant(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time);
        return clock.Machine(new DateTimeOffset(local, clock.LocalNow.Offset));
    }
}
