namespace Tongban.Applications.Contracts;

/// <summary>The license type (证照目录) that stands in for a material: its code and name.</summary>
public sealed record MaterialLicenseType(string Code, string Name);

/// <summary>A valid license offered to its holder for a material, as the holder previews it before agreeing.</summary>
public sealed record OfferedLicense(string Identifier, string TypeName, string Number, string IssuerName, string HolderName, DateOnly IssuedOn, DateOnly? ValidUntil);

/// <summary>
/// A license read through the license library at the time of a use: what the seal says (the signature over the signed
/// bytes by the issuer's key) and its status then (code, e.g. 01 valid, with labels). A database row alone proves nothing.
/// </summary>
public sealed record LicenseCheck(
    string Identifier, string TypeCode, string TypeName, string Number, string IssuerName, DateOnly IssuedOn, DateOnly? ValidUntil,
    bool SignatureValid, string StatusCode, string StatusZh, string StatusEn, DateTimeOffset CheckedAt)
{
    public bool IsValid => SignatureValid && StatusCode == "01";
}

/// <summary>One printed value of a license's face: its labels and value (a holder's code masked).</summary>
public sealed record LicenseFaceValue(string LabelZh, string LabelEn, string Value);

/// <summary>A license's face as staff open it from a case, with the check made now.</summary>
public sealed record LicenseFaceView(LicenseCheck Check, string HolderName, string MaskedHolderCode, IReadOnlyList<LicenseFaceValue> Fields);

/// <summary>Who uses a license and why, for its use log (用证记录): the actor, the department handling the case, the purpose.</summary>
public sealed record LicenseUseBy(string Who, string Department, string Purpose);

/// <summary>
/// The license library as the applications module uses it, for licenses in place of materials (免提交). Implemented by
/// the licenses module (which depends on this one, so the seam lives here); without it no license is offered.
/// Holders are named by their codes: the applicant's ID number and the credit codes of the enterprises they may act for.
/// Every attachment and every opening from a case is a use in the license's use log.
/// </summary>
public interface ILicenseMaterials
{
    /// <summary>For each material (key → the catalog's license type, or null, and the material's name): the published type replacing it.</summary>
    Task<IReadOnlyDictionary<string, MaterialLicenseType>> TypesForAsync(IReadOnlyList<(string Key, string? LicenseType, string Name)> materials, CancellationToken cancellationToken);

    /// <summary>The holders' licenses of the type that are valid today under a seal that verifies (expired, suspended, revoked ones are not offered).</summary>
    Task<IReadOnlyList<OfferedLicense>> OfferAsync(string typeCode, IReadOnlyCollection<string> holderCodes, CancellationToken cancellationToken);

    /// <summary>
    /// Checks the license (its identifier's check character, holder among <paramref name="holderCodes"/>, type, seal, status)
    /// and records the attachment as a use. Another holder's or an unknown license: not found; one not valid: refused.
    /// </summary>
    /// <exception cref="Kernel.Errors.DomainException">A malformed identifier (naming it), not found, or not valid.</exception>
    Task<LicenseCheck> AttachAsync(string identifier, string typeCode, IReadOnlyCollection<string> holderCodes, LicenseUseBy use, CancellationToken cancellationToken);

    /// <summary>The license's face for staff handling a case it is attached to, checked now and recorded as a use.</summary>
    Task<LicenseFaceView> OpenForCaseAsync(string identifier, LicenseUseBy use, CancellationToken cancellationToken);
}
