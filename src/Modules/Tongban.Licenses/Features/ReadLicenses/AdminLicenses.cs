using Microsoft.EntityFrameworkCore;
using Tongban.Kernel.Audit;
using Tongban.Kernel.Errors;
using Tongban.Kernel.Outbox;
using Tongban.Kernel.PersonalData;
using Tongban.Licenses.Data;
using Tongban.Licenses.Domain;

namespace Tongban.Licenses.Features.ReadLicenses;

/// <summary>What the administrators' list is narrowed to: a type, a status (as its code; 05 expired is computed), a holder's code.</summary>
internal sealed record LicenseFilter(string? TypeCode = null, string? StatusCode = null, string? HolderCode = null);

/// <summary>One version of a license in its chain (same type, issuer and serial).</summary>
internal sealed record VersionRow(string Identifier, int Version, DateOnly IssuedOn, LicenseStatus Status);

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

    public async Task<IReadOnlyList<LicenseRow>> ListAsync(LicenseOfficer officer, LicenseFilter filter, int page, CancellationToken ct)
    {
        if (page is < 1 or > 10_000) throw new DomainException(new DomainError("license.page", "页码应在1至10000之间", "The page is 1 to 10,000", ErrorKind.BadRequest, "page"));
        var today = clock.Today;
        var rows = await Filtered(officer, filter, today).OrderByDescending(l => l.IssuedAt).ThenBy(l => l.Identifier).Skip((page - 1) * 50).Take(50)
            .Select(l => new { l.Identifier, l.TypeCode, l.Number, l.HolderName, l.IssuedOn, l.ValidUntil, l.Status, l.Source }).ToListAsync(ct);
        return [.. rows.Select(r => new LicenseRow(r.Identifier, r.TypeCode, r.Number, r.HolderName, r.IssuedOn, r.ValidUntil,
            LicenseStatusText.Code(r.Status == LicenseStatus.Valid && r.ValidUntil < today ? LicenseStatus.Expired : r.Status), r.Source.ToString()))];
    }

    /// <summary>Every version of the license's chain, oldest first.</summary>
    public async Task<IReadOnlyList<VersionRow>> VersionsAsync(License license, CancellationToken ct) =>
        [.. (await db.Licenses.AsNoTracking().Where(l => l.TypeCode == license.TypeCode && l.IssuerCode == license.IssuerCode && l.Serial == license.Serial)
            .Select(l => new { l.Identifier, l.Version, l.IssuedOn, l.Status, l.ValidUntil }).ToListAsync(ct))
            .OrderBy(l => l.Version).Select(l => new VersionRow(l.Identifier, l.Version, l.IssuedOn, l.Status == LicenseStatus.Valid && l.ValidUntil < clock.Today ? LicenseStatus.Expired : l.Status))];

    private IQueryable<License> Filtered(LicenseOfficer officer, LicenseFilter filter, DateOnly today)
    {
        var query = db.Licenses.AsNoTracking();
        if (officer.Authority is { } authority) query = query.Where(l => l.IssuerCode == authority);
        if (!string.IsNullOrWhiteSpace(filter.TypeCode))
        {
            var code = filter.TypeCode.Trim().ToUpperInvariant();
            query = query.Where(l => l.TypeCode == code);
        }
        if (!string.IsNullOrWhiteSpace(filter.HolderCode))
        {
            var holder = filter.HolderCode.Trim().ToUpperInvariant();
            query = query.WhereMatches(db, l => l.HolderCode, holder);
        }
        return filter.StatusCode switch
        {
            null or "" => query,
            "01" => query.Where(l => l.Status == LicenseStatus.Valid && (l.ValidUntil == null || l.ValidUntil >= today)),
            "05" => query.Where(l => l.Status == LicenseStatus.Valid && l.ValidUntil < today),
            var code when int.TryParse(code, System.Globalization.CultureInfo.InvariantCulture, out var n) && Enum.IsDefined((LicenseStatus)n) => query.Where(l => l.Status == (LicenseStatus)n),
            _ => throw new DomainException(new DomainError("license.status_unknown", "没有这一证照状态", "There is no such license status", ErrorKind.BadRequest, "status")),
        };
    }
}
