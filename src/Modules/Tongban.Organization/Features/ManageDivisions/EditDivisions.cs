using Microsoft.EntityFrameworkCore;
using Tongban.Kernel.Audit;
using Tongban.Kernel.Data;
using Tongban.Kernel.Errors;
using Tongban.Kernel.Identifiers;
using Tongban.Kernel.Outbox;
using Tongban.Organization.Data;
using Tongban.Organization.Domain;

namespace Tongban.Organization.Features.ManageDivisions;

internal sealed record DivisionInput(string Code, string Name, DivisionLevel? Level, DateOnly? ValidFrom, DateOnly? ValidTo);

/// <summary>An administrator adds one division, renames it, or ends its validity.</summary>
internal sealed class EditDivisions(OrganizationDbContext db, TimeProvider clock, ChangeSignals signals)
{
    public async Task<Division> AddAsync(DivisionInput input, string actor, CancellationToken ct)
    {
        var code = DivisionCode.TryParse(input.Code, out var parsed, out _) ? parsed.Value.Value : null;
        if (code is not null && await db.Divisions.AnyAsync(d => d.Code == code, ct))
            throw new DomainException(new DomainError("division.duplicate", $"区划代码{code}已存在", $"Division code {code} already exists", ErrorKind.Conflict, "code"));
        var parentCode = code is null ? null : parsed!.Value.Parent?.Value;
        var parents = parentCode is null ? [] : await db.Divisions.Where(d => d.Code == parentCode).Select(d => d.Code).ToListAsync(ct);
        var division = Division.Create(input.Code, input.Name, input.Level, input.ValidFrom ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), input.ValidTo, parents.Contains);
        db.Divisions.Add(division);
        db.Audit(new AuditRecord(actor, "organization.division_added", $"division:{division.Code}", division.Name, clock.GetUtcNow()));
        await db.SaveChangesAsync(ct);
        await signals.AnnounceAsync(ChangeTopics.PublicPages, ct);
        return division;
    }

    public async Task<Division> UpdateAsync(string code, string name, DateOnly? validTo, string actor, CancellationToken ct)
    {
        var division = await db.Divisions.SingleOrDefaultAsync(d => d.Code == code, ct)
            ?? throw new DomainException(DomainError.NotFound("行政区划", "The division"));
        division.Rename(name);
        if (validTo is { } to) division.Retire(to);
        db.Audit(new AuditRecord(actor, "organization.division_changed", $"division:{division.Code}", division.Name, clock.GetUtcNow()));
        await db.SaveChangesAsync(ct);
        await signals.AnnounceAsync(ChangeTopics.PublicPages, ct);
        return division;
    }
}
