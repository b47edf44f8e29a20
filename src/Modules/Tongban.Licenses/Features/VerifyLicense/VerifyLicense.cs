using Tongban.Kernel.Errors;
using Tongban.Kernel.Time;
using Tongban.Licenses.Data;
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

/// <summary>A license as a check found it: its seal's outcome (the face read from the signed bytes when it verifies) and its status today.</summary>
internal sealed record CheckedLicense(LicenseId Id, string Identifier, string HolderCode, LicenseFace? Face, bool SignatureValid, LicenseStatus Status)
{
    public static CheckedLicense Of(SealedLicense license) =>
        new(license.License.Id, license.License.Identifier, license.License.HolderCode, license.Face, license.SignatureValid, license.Status);

    public Verdict Verdict => SignatureValid ? Enum.Parse<Verdict>(Status.ToString()) : Verdict.SealInvalid;
}

/// <summary>One check's outcome with the license read through its seal (null when not found).</summary>
internal sealed record CheckResult(Verdict Verdict, CheckedLicense? License)
{
    public static CheckResult Of(SealedLicense license) => Of(CheckedLicense.Of(license));

    public static CheckResult Of(CheckedLicense license) => new(license.Verdict, license);

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
/// written to its use log before the answer leaves. The row is read on every check; the seal's outcome is reused from
/// <see cref="CheckedSeals"/> only while the row holds exactly the bytes that were checked.
/// </summary>
internal sealed class VerifyLicense(LicenseRows rows, LicenseReader reader, CheckedSeals seals, UseLog uses, RegionClock clock)
{
    public async Task<CheckResult> CheckAsync(string identifier, string? holderName, UseContext use, CancellationToken ct)
    {
        var id = LicenseIdentifier.Parse(identifier).ToString();
        var row = await rows.ReadAsync(id, ct);
        if (row is null) return new CheckResult(Verdict.NotFound, null);
        var seal = seals.Find(id, row.Fingerprint) ?? await CheckSealAsync(id, row, ct);
        if (seal is null) return new CheckResult(Verdict.NotFound, null);
        var name = holderName?.Trim();
        if (!string.IsNullOrEmpty(name) && seal.Face?.Holder.Name != name)
            return new CheckResult(Verdict.NotFound, null); // a wrong name learns nothing about the license
        var result = CheckResult.Of(new CheckedLicense(seal.Id, seal.Identifier, seal.HolderCode, seal.Face, seal.SignatureValid,
            License.StatusOn(row.Status, row.ValidUntil, clock.Today)));
        await uses.RecordAsync(LicenseUse.Record(seal.Id, use.Kind, use.Who, use.Department, use.Purpose, result.Verdict.ToString(), clock.UtcNow), ct);
        return result;
    }

    /// <summary>
    /// The seal checked in full (the license read and its document opened, the signature verified under the issuer's
    /// key), kept for the next check if the row did not change meanwhile.
    /// </summary>
    private async Task<CheckedSeal?> CheckSealAsync(string identifier, LicenseRow row, CancellationToken ct)
    {
        if (await reader.FindAsync(identifier, ct) is not { } license) return null;
        var opened = await reader.OpenAsync(license, ct);
        var seal = new CheckedSeal(license.Id, license.Identifier, license.HolderCode, opened.Face, opened.SignatureValid, row.Fingerprint);
        if (await rows.ReadAsync(identifier, ct) is { } again && again.Fingerprint.AsSpan().SequenceEqual(row.Fingerprint)) seals.Keep(seal);
        return seal;
    }

    /// <summary>The identifier's own fault (shape or check character), for a page to show before any look-up.</summary>
    public static DomainError? IdentifierError(string? identifier) => LicenseIdentifier.TryParse(identifier, out _, out var error) ? null : error;
}
