using Microsoft.EntityFrameworkCore;
using Tongban.Kernel.Audit;
using Tongban.Kernel.Errors;
using Tongban.Kernel.Outbox;
using Tongban.Kernel.Time;
using Tongban.Licenses.Contracts;
using Tongban.Licenses.Data;
using Tongban.Licenses.Domain;
using Tongban.Licenses.Signing;
using Tongban.Organization.Contracts;

namespace Tongban.Licenses.Features.IssueLicenses;

/// <summary>
/// Issues one license under the type's published version: the issuer must be one of the type's issuing authorities
/// and, by hand, the officer's own department; every input fault is named at once; the license is sealed with the
/// issuer's current key and committed with its <see cref="LicenseIssued"/> event and audit record. Idempotent by
/// source key (a case, an import line): the same key again answers with the license it made.
/// </summary>
internal sealed class IssueLicense(LicensesDbContext db, SealKeys keys, LicenseSealer sealer, IOrganizationDirectory organization, RegionClock clock, TimeProvider time)
{
    public async Task<License> IssueAsync(string typeCode, string issuerCode, LicenseInput input, LicenseOfficer officer, LicenseSource source,
        string? sourceKey, CancellationToken ct)
    {
        if (sourceKey is not null && await FindBySourceAsync(sourceKey, ct) is { } done) return done;
        var (type, version) = await PublishedTypeAsync(db, typeCode, ct);
        var issuer = await IssuerAsync(version.Definition, issuerCode, officer, ct);
        var (checkedInput, errors) = LicenseInputRules.Check(version.Definition, input, clock.Today);
        if (errors.Count > 0) throw new DomainException(errors);

        var key = await keys.CurrentAsync(issuer.CreditCode, KeyPurpose.Seal, ct);
        var serial = await db.ReserveAsync(Sequences.Serial(type.Code, issuer.CreditCode), 1, ct);
        var place = await db.ReserveAsync(Sequences.StatusPlace(issuer.CreditCode), 1, ct);
        var context = new SealingContext(type.Code, version.Number, version.Definition.Name, issuer.CreditCode, issuer.Name, key);
        var license = sealer.Seal(context, checkedInput!, serial, Sequences.StatusIndex(place), source, sourceKey, officer, time.GetUtcNow());
        db.Licenses.Add(license);
        Announce(db, license, version.Definition.Name, source);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (sourceKey is not null)
        {
            db.ChangeTracker.Clear(); // the same source issued at the same moment elsewhere: answer with that license
            return await FindBySourceAsync(sourceKey, ct) ?? throw new InvalidOperationException("A license insert failed and none exists for its source.");
        }
        return license;
    }

    /// <summary>The type and its version in effect; 404 when unknown, 409 before its first publication.</summary>
    public static async Task<(LicenseType Type, LicenseTypeVersion Version)> PublishedTypeAsync(LicensesDbContext db, string typeCode, CancellationToken ct)
    {
        var code = (typeCode ?? "").Trim().ToUpperInvariant();
        var type = await db.Types.AsNoTracking().SingleOrDefaultAsync(t => t.Code == code, ct)
            ?? throw new DomainException(DomainError.NotFound($"证照类型{code}", $"License type {code}") with { Field = "type" });
        return (type, type.Published ?? throw new DomainException(new DomainError("license_type.not_published",
            "该证照类型尚未发布，不能颁发", "This license type is not published yet; nothing can be issued under it", ErrorKind.Conflict, "type")));
    }

    /// <summary>The license made from a source (a case, an import line, a renewed license), if any.</summary>
    public Task<License?> FindBySourceAsync(string sourceKey, CancellationToken ct) =>
        db.Licenses.AsNoTracking().SingleOrDefaultAsync(l => l.SourceKey == sourceKey, ct);

    /// <summary>Puts the push-upward event and the audit record beside a new license in the same transaction.</summary>
    public static void Announce(LicensesDbContext db, License license, string typeName, LicenseSource source)
    {
        Publish(db, license, typeName, source);
        db.Audit(new AuditRecord(license.IssuedBy, "licenses.issued", $"license:{license.Identifier}",
            $"{typeName}; holder {license.Holder.MaskedCode}; {source}", license.IssuedAt));
    }

    /// <summary>The push-upward event alone (a historical import audits its run, not each line).</summary>
    public static void Publish(LicensesDbContext db, License license, string typeName, LicenseSource source)
    {
        var previous = license.PreviousId is null ? null : db.Licenses.Local.FirstOrDefault(l => l.Id == license.PreviousId)?.Identifier;
        db.Publish(LicenseIssued.MessageType, new LicenseIssued(license.Id.Value, license.Identifier, license.TypeCode, typeName, license.IssuerCode,
            license.Holder.CodeType, license.HolderCode, license.HolderName, license.Number, license.IssuedOn, license.ValidUntil,
            source.ToString().ToLowerInvariant(), previous, license.IssuedAt), license.IssuedAt);
    }

    private async Task<DepartmentInfo> IssuerAsync(TypeDefinition type, string issuerCode, LicenseOfficer officer, CancellationToken ct)
    {
        var code = (issuerCode ?? "").Trim().ToUpperInvariant();
        if (!type.IssuingAuthorities.Contains(code, StringComparer.Ordinal))
            throw new DomainException(new DomainError("license.issuer_not_listed", $"“{code}”不是该证照类型的颁发机构",
                $"'{code}' is not an issuing authority of this license type", ErrorKind.Forbidden, "issuer"));
        if (!string.Equals(officer.Authority, code, StringComparison.Ordinal))
            throw new DomainException(new DomainError("license.other_authority", "只能以本部门（颁发机构）的名义颁发证照",
                "You may issue licenses only in your own department's (the issuing authority's) name", ErrorKind.Forbidden, "issuer"));
        return await organization.FindDepartmentByCreditCodeAsync(code, ct)
            ?? throw new DomainException(new DomainError("license.issuer_unknown", $"颁发机构“{code}”未在本平台登记",
                $"The issuing authority '{code}' is not registered on this platform", ErrorKind.Conflict, "issuer"));
    }
}
