using Microsoft.EntityFrameworkCore;
using Tongban.Applications.Contracts;
using Tongban.Kernel.Errors;
using Tongban.Kernel.PersonalData;
using Tongban.Licenses.Data;
using Tongban.Licenses.Domain;
using Tongban.Licenses.Features.ManageTypes;
using Tongban.Licenses.Features.ReadLicenses;
using Tongban.Licenses.Features.VerifyLicense;

namespace Tongban.Licenses.Features.UseAsMaterial;

/// <summary>
/// Licenses in place of application materials (免提交): which type replaces a material (the type's "replaces" list, or
/// the catalog's license type), the holder's licenses valid today under a seal that verifies, and each attachment and
/// each opening from a case read through <see cref="LicenseReader"/> and written to the license's use log.
/// </summary>
internal sealed class LicenseMaterials(LicensesDbContext db, TypeDirectory types, LicenseReader reader, UseLog uses, TimeProvider clock) : ILicenseMaterials
{
    private const int MaxOffered = 20;

    public async Task<IReadOnlyDictionary<string, MaterialLicenseType>> TypesForAsync(IReadOnlyList<(string Key, string? LicenseType, string Name)> materials, CancellationToken ct)
    {
        var published = await types.PublishedAsync(ct);
        var found = new Dictionary<string, MaterialLicenseType>(StringComparer.Ordinal);
        foreach (var (key, licenseType, name) in materials)
            if (TypeDirectory.Match(published, licenseType ?? name) is { } type) found[key] = new MaterialLicenseType(type.Code, type.Definition.Name);
        return found;
    }

    public async Task<IReadOnlyList<OfferedLicense>> OfferAsync(string typeCode, IReadOnlyCollection<string> holderCodes, CancellationToken ct)
    {
        var codes = holderCodes.Where(c => !string.IsNullOrEmpty(c));
        var rows = await db.Licenses.AsNoTracking().WhereMatchesAny(db, l => l.HolderCode, codes).Where(l => l.TypeCode == typeCode && l.Status == LicenseStatus.Valid)
            .OrderByDescending(l => l.IssuedOn).Take(MaxOffered).ToListAsync(ct);
        var offered = new List<OfferedLicense>();
        foreach (var row in rows)
            if (await reader.OpenAsync(row, ct) is { IsValid: true, Face: { } face })
                offered.Add(new OfferedLicense(row.Identifier, face.TypeName, face.Number, face.IssuerName, face.Holder.Name, face.IssuedOn, face.ValidUntil));
        return offered;
    }

    public async Task<LicenseCheck> AttachAsync(string identifier, string typeCode, IReadOnlyCollection<string> holderCodes, LicenseUseBy use, CancellationToken ct)
    {
        var license = await reader.FindAsync(identifier, ct); // a malformed identifier is refused here, naming its fault
        if (license is null || license.TypeCode != typeCode || !holderCodes.Contains(license.HolderCode)) throw LicenseReader.NotFound();
        var sealedLicense = await reader.OpenAsync(license, ct);
        var check = await RecordAsync(sealedLicense, UseKind.Attached, use, ct);
        if (!check.IsValid)
            throw new DomainException(new DomainError("license.not_usable", $"该电子证照{(check.SignatureValid ? "当前为“" + check.StatusZh + "”" : "签章验证失败")}，不能作为申请材料",
                $"This license {(check.SignatureValid ? "is " + check.StatusEn : "fails its seal check")}; it cannot be used as a material", ErrorKind.Conflict, "identifier"));
        return check;
    }

    public async Task<LicenseFaceView> OpenForCaseAsync(string identifier, LicenseUseBy use, CancellationToken ct)
    {
        var sealedLicense = await reader.OpenAsync(await reader.GetAsync(identifier, ct), ct);
        var check = await RecordAsync(sealedLicense, UseKind.CaseCheck, use, ct);
        var holder = sealedLicense.Face?.Holder ?? sealedLicense.License.Holder;
        var fields = sealedLicense.Face is { } face
            ? LicenseView.FieldsOf(face, await types.VersionAsync(face.TypeCode, sealedLicense.License.TypeVersion, ct)).Select(f => new LicenseFaceValue(f.LabelZh, f.LabelEn, f.Value)).ToList()
            : [];
        return new LicenseFaceView(check, holder.Name, holder.MaskedCode, fields);
    }

    /// <summary>The check as the use log records it (what it found) and as the case keeps it.</summary>
    private async Task<LicenseCheck> RecordAsync(SealedLicense sealedLicense, UseKind kind, LicenseUseBy use, CancellationToken ct)
    {
        var (license, face, now) = (sealedLicense.License, sealedLicense.Face, clock.GetUtcNow());
        var check = CheckResult.Of(sealedLicense);
        await uses.RecordAsync(LicenseUse.Record(license.Id, kind, use.Who, use.Department, use.Purpose, check.Verdict.ToString(), now), ct);
        var (zh, en) = check.Label;
        return new LicenseCheck(license.Identifier, license.TypeCode, face?.TypeName ?? license.TypeCode, face?.Number ?? "", face?.IssuerName ?? "",
            face?.IssuedOn ?? license.IssuedOn, face?.ValidUntil, sealedLicense.SignatureValid, sealedLicense.SignatureValid ? LicenseStatusText.Code(sealedLicense.Status) : "",
            zh, en, now);
    }
}
