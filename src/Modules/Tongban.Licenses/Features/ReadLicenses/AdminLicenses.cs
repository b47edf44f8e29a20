using Microsoft.EntityFrameworkCore;
using Tongban.Kernel.Audit;
using Tongban.Kernel.Errors;
using Tongban.Kernel.Outbox;
using Tongban.Licenses.Data;
using Tongban.Licenses.Domain;

namespace Tongban.Licenses.Features.ReadLicenses;

/// <summary>One row of the administrators' list: no holder code, the name as issued, the status today.</summary>
internal sealed record LicenseRow(string Identifier, string TypeCode, string Number, string HolderName, DateOnly IssuedOn, DateOnly? ValidUntil, string StatusCode, string Source);

/// <summary>
/// What license administrators read: licenses of their own authority (a region-wide administrator, without a
/// department, reads every authority's); another authority's license is not found. Opening one is audited.
/// </summary>
internal sealed class AdminLicenses(LicensesDbContext db, LicenseReader reader, Kernel.Time.RegionClock clock, TimeProvider time)
{
    public async Task<LicenseView> OpenAsync(string identifier, LicenseOfficer officer, CancellationToken ct)
    {
        var license = await reader.GetAsync(identifier, ct);
        if (officer.Authority is { } authority && authority != license.IssuerCode) throw LicenseReader.NotFound();
        var sealedLicense = await reader.OpenAsync(license, ct);
        var type = (await db.Types.AsNoTracking().SingleOrDefaultAsync(t => t.Code == license.TypeCode, ct))?.Versions.FirstOrDefault(v => v.Number == license.TypeVersion)?.Definition;
        var next = license.NextId is { } n ? await db.Licenses.AsNoTracking().Where(l => l.Id == n).Select(l => l.Identifier).SingleOrDefaultAsync(ct) : null;
        db.Audit(new AuditRecord(officer.Actor, "licenses.viewed", $"license:{license.Identifier}", "证照管理 license administration", time.GetUtcNow()));
        await db.SaveChangesAsync(ct);
        return LicenseView.Of(sealedLicense, type, unmasked: false, next);
    }

    public async Task<IReadOnlyList<LicenseRow>> ListAsync(LicenseOfficer officer, string? typeCode, int page, CancellationToken ct)
    {
        var query = db.Licenses.AsNoTracking();
        if (officer.Authority is { } authority) query = query.Where(l => l.IssuerCode == authority);
        if (!string.IsNullOrWhiteSpace(typeCode))
        {
            var code = typeCode.Trim().ToUpperInvariant();
            query = query.Where(l => l.TypeCode == code);
        }
        if (page is < 1 or > 10_000) throw new DomainException(new DomainError("license.page", "页码应在1至10000之间", "The page is 1 to 10,000", ErrorKind.BadRequest, "page"));
        var rows = await query.OrderByDescending(l => l.IssuedAt).ThenBy(l => l.Identifier).Skip((page - 1) * 50).Take(50)
            .Select(l => new { l.Identifier, l.TypeCode, l.Number, l.HolderName, l.IssuedOn, l.ValidUntil, l.Status, l.Source }).ToListAsync(ct);
        var today = clock.Today;
        return [.. rows.Select(r => new LicenseRow(r.Identifier, r.TypeCode, r.Number, r.HolderName, r.IssuedOn, r.ValidUntil,
            LicenseStatusText.Code(r.Status == LicenseStatus.Valid && r.ValidUntil < today ? LicenseStatus.Expired : r.Status), r.Source.ToString()))];
    }
}
