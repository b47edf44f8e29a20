using Microsoft.EntityFrameworkCore;
using Tongban.Kernel.Audit;
using Tongban.Kernel.Errors;
using Tongban.Kernel.Identifiers;
using Tongban.Kernel.Outbox;
using Tongban.Kernel.PersonalData;
using Tongban.Licenses.Contracts;
using Tongban.Licenses.Data;
using Tongban.Licenses.Domain;
using Tongban.Licenses.Features.ReadLicenses;
using Tongban.Licenses.Signing;
using Tongban.Organization.Contracts;

namespace Tongban.Licenses.Features.ExportLicenses;

/// <summary>The command line's view of the library: list, export for OpenSSL, rotate an authority's keys.</summary>
internal sealed class LicenseLibrary(LicensesDbContext db, LicenseReader reader, SealKeys keys, IOrganizationDirectory organization, TimeProvider clock) : ILicenseLibrary
{
    public async Task<IReadOnlyList<string>> ListAsync(string? typeCode, string? holderCode, string actor, CancellationToken ct)
    {
        var query = db.Licenses.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(typeCode))
        {
            var type = typeCode.Trim().ToUpperInvariant();
            query = query.Where(l => l.TypeCode == type);
        }
        if (!string.IsNullOrWhiteSpace(holderCode))
        {
            var holder = holderCode.Trim().ToUpperInvariant();
            query = query.WhereMatches(db, l => l.HolderCode, holder);
            db.Audit(new AuditRecord(actor, "licenses.listed_for_holder", $"holder:{Mask(holder)}", typeCode, clock.GetUtcNow()));
            await db.SaveChangesAsync(ct);
        }
        return await query.OrderBy(l => l.IssuedAt).ThenBy(l => l.Identifier).Select(l => l.Identifier).ToListAsync(ct);
    }

    public async Task<LicenseExport> ExportAsync(string identifier, string actor, CancellationToken ct)
    {
        var license = await reader.GetAsync(identifier, ct);
        var key = await keys.FindAsync(license.KeyId, ct) ?? throw new InvalidOperationException($"The key {license.KeyId} of {license.Identifier} is missing.");
        db.Uses.Add(LicenseUse.Record(license.Id, UseKind.Exported, actor, null, "导出验签 export for verification", "exported", clock.GetUtcNow()));
        await db.SaveChangesAsync(ct);
        return new LicenseExport(license.Identifier, LicenseDocument.Bytes(license.SignedJson), license.Signature, SealCrypto.Pem(key.PublicKey), SealCrypto.Name(key.Algorithm));
    }

    public async Task<IReadOnlyList<SealKeyInfo>> RotateKeyAsync(string authority, string actor, CancellationToken ct)
    {
        var code = CreditCode.Parse(authority).Value;
        if (await organization.FindDepartmentByCreditCodeAsync(code, ct) is null)
            throw new DomainException(new DomainError("license.issuer_unknown", $"部门“{code}”未在本平台登记", $"The department '{code}' is not registered", ErrorKind.NotFound, "AUTHORITY"));
        var made = await keys.RotateAsync(code, actor, ct);
        return [.. made.Select(k => new SealKeyInfo(k.Id, k.Authority, k.Purpose.ToString(), SealCrypto.Name(k.Algorithm), k.CreatedAt))];
    }

    private static string Mask(string code) => ResidentIdNumber.TryParse(code, out var id, out _) ? id.Value.Masked : code;
}
