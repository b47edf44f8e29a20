using Tongban.Kernel.Errors;
using Tongban.Licenses.Domain;
using Tongban.Licenses.Features.ReadLicenses;

namespace Tongban.Licenses.Features.VerifyLicense;

/// <summary>What a check found: not found, a seal that does not verify, or the status today of a sealed license.</summary>
internal enum Verdict
{
    NotFound,
    SealInvalid,
    Valid,
    Suspended,
    Revoked,
    Cancelled,
    Expired,
    RevokedAsPenalty,
    Replaced,
}

/// <summary>One check's outcome with the license read through its seal (null when not found).</summary>
internal sealed record CheckResult(Verdict Verdict, SealedLicense? License)
{
    public bool IsValid => Verdict == Verdict.Valid;

    public (string Zh, string En) Label => Verdict switch
    {
        Verdict.NotFound => ("未找到该证照（请核对标识和持证人名称）", "No such license (check the identifier and the holder's name)"),
        Verdict.SealInvalid => ("签章验证失败：证照数据已被篡改或签章无效", "The seal does not verify: the data was altered or the seal is invalid"),
        _ => LicenseStatusText.Label(Enum.Parse<LicenseStatus>(Verdict.ToString())), // the verdicts after the first two are the statuses
    };
}

/// <summary>Who uses a license and why, for its use log.</summary>
internal sealed record UseContext(UseKind Kind, string Who, string? Department, string Purpose);

/// <summary>
/// Verification (验真): the license by identifier (its check character first), optionally its holder's name, then its
/// seal (signature over the signed bytes by the issuer's key) and its status today. Every check of a license found is
/// written to its use log before the answer leaves.
/// </summary>
internal sealed class VerifyLicense(LicenseReader reader, UseLog uses, TimeProvider clock)
{
    public async Task<CheckResult> CheckAsync(string identifier, string? holderName, UseContext use, CancellationToken ct)
    {
        var license = await reader.FindAsync(identifier, ct);
        if (license is null) return new CheckResult(Verdict.NotFound, null);
        var sealedLicense = await reader.OpenAsync(license, ct);
        var name = holderName?.Trim();
        if (!string.IsNullOrEmpty(name) && sealedLicense.Face?.Holder.Name != name)
            return new CheckResult(Verdict.NotFound, null); // a wrong name learns nothing about the license
        var verdict = !sealedLicense.SignatureValid ? Verdict.SealInvalid : Enum.Parse<Verdict>(sealedLicense.Status.ToString());
        await uses.RecordAsync(LicenseUse.Record(license.Id, use.Kind, use.Who, use.Department, use.Purpose, verdict.ToString(), clock.GetUtcNow()), ct);
        return new CheckResult(verdict, sealedLicense);
    }

    /// <summary>The identifier's own fault (shape or check character), for a page to show before any look-up.</summary>
    public static DomainError? IdentifierError(string? identifier) => LicenseIdentifier.TryParse(identifier, out _, out var error) ? null : error;
}
