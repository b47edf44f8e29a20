using Microsoft.EntityFrameworkCore;
using Tongban.Kernel.Audit;
using Tongban.Kernel.Data;
using Tongban.Kernel.Errors;
using Tongban.Kernel.Outbox;
using Tongban.Organization.Data;
using Tongban.Organization.Domain;

namespace Tongban.Organization.Features.ManageDepartments;

/// <summary>An administrator adds a department or changes its details; the credit code stays unique.</summary>
internal sealed class EditDepartments(OrganizationDbContext db, TimeProvider clock, ChangeSignals signals)
{
    public async Task<Department> AddAsync(DepartmentDetails details, string actor, CancellationToken ct)
    {
        var department = Department.Create(details);
        await EnsureAsync(department, ct);
        db.Departments.Add(department);
        db.Audit(new AuditRecord(actor, "organization.department_added", $"department:{department.CreditCode}", department.Name, clock.GetUtcNow()));
        await db.SaveChangesAsync(ct);
        await signals.AnnounceAsync(ChangeTopics.PublicPages, ct);
        return department;
    }

    public async Task<Department> UpdateAsync(Guid id, DepartmentDetails details, string actor, CancellationToken ct)
    {
        var department = await db.Departments.SingleOrDefaultAsync(d => d.Id == DepartmentId.From(id), ct)
            ?? throw new DomainException(DomainError.NotFound("部门", "The department"));
        department.Update(details);
        await EnsureAsync(department, ct);
        db.Audit(new AuditRecord(actor, "organization.department_changed", $"department:{department.CreditCode}", department.Name, clock.GetUtcNow()));
        await db.SaveChangesAsync(ct);
        await signals.AnnounceAsync(ChangeTopics.PublicPages, ct);
        return department;
    }

    private async Task EnsureAsync(Department department, CancellationToken ct)
    {
        if (await db.Departments.AnyAsync(d => d.CreditCode == department.CreditCode && d.Id != department.Id, ct))
            throw new DomainException(new DomainError("department.duplicate", $"统一社会信用代码{department.CreditCode}已被其他部门使用",
                $"Credit code {department.CreditCode} belongs to another department", ErrorKind.Conflict, "credit_code"));
        await db.EnsureDivisionExistsAsync(department.DivisionCode, ct);
    }
}
