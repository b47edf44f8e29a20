using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Tongban.Identity.Data;
using Tongban.Identity.Domain;
using Tongban.Identity.Features.Sessions;
using Tongban.Identity.Features.SignIn;
using Tongban.Identity.Passwords;
using Tongban.Kernel.Audit;
using Tongban.Kernel.Errors;
using Tongban.Kernel.Outbox;
using Tongban.Kernel.Security;
using Tongban.Organization.Contracts;

namespace Tongban.Identity.Features.Accounts;

internal sealed record StaffRegistration(string IdNumber, string Name, string Phone, string Password, StaffPlacement Placement, IReadOnlyCollection<string> Roles);

/// <summary>
/// A system administrator creates staff accounts with their roles, department or station and divisions; later
/// changes them, deactivates and reactivates them. An administrator scoped to divisions reaches only staff whose
/// divisions all lie in that scope (<see cref="Reaches"/>), and can give no wider scope than their own.
/// </summary>
internal sealed class ManageStaff(AccountsDbContext db, UserManager<Account> users, RoleManager<IdentityRole<Guid>> roles, RegisterAccounts accounts,
    IOrganizationDirectory organization, SessionStore sessions, TimeProvider clock)
{
    public static readonly StaffScope WholeRegion = new(null, null, []);

    public static bool Reaches(StaffScope admin, AccountKind kind, IReadOnlyCollection<string> divisions) =>
        admin.Divisions.Count == 0 || (kind == AccountKind.Staff && divisions.Count > 0 && divisions.All(admin.Covers));

    public async Task<Account> CreateAsync(StaffRegistration input, string actor, StaffScope admin, CancellationToken ct)
    {
        var wanted = Known(input.Roles);
        var account = Account.CreateStaff(input.IdNumber, input.Name, input.Phone, input.Placement, clock.GetUtcNow());
        await CheckAsync(account, wanted, admin, ct);
        await accounts.EnsureUniqueAsync(account, ct);
        await users.SetCheckedPasswordAsync(account, input.Password);
        await EnsureRolesAsync(wanted);
        var created = await users.CreateAsync(account);
        if (!created.Succeeded) throw SignInErrors.From(created);
        await users.AddToRolesAsync(account, wanted);
        db.Audit(new AuditRecord(actor, "identity.staff_created", $"account:{account.MaskedIdNumber}", string.Join(",", wanted), clock.GetUtcNow()));
        await db.SaveChangesAsync(ct);
        return account;
    }

    /// <summary>New roles and placement; the person's sessions end, so the next sign-in carries what changed.</summary>
    public async Task<Account> UpdateAsync(Guid accountId, StaffPlacement placement, IReadOnlyCollection<string> roleNames, string actor, StaffScope admin, CancellationToken ct)
    {
        var wanted = Known(roleNames);
        await EnsureRolesAsync(wanted); // before any change is tracked: RoleManager saves the context
        var account = await FindAsync(accountId, admin, ct);
        account.Place(placement);
        await CheckAsync(account, wanted, admin, ct);
        var roleIds = await db.Roles.Where(r => wanted.Contains(r.Name!)).Select(r => r.Id).ToListAsync(ct);
        var current = await db.UserRoles.Where(r => r.UserId == account.Id).ToListAsync(ct);
        db.UserRoles.RemoveRange(current.Where(r => !roleIds.Contains(r.RoleId)));
        db.UserRoles.AddRange(roleIds.Where(id => current.All(r => r.RoleId != id)).Select(id => new IdentityUserRole<Guid> { UserId = account.Id, RoleId = id }));
        db.Audit(new AuditRecord(actor, "identity.staff_updated", $"account:{account.MaskedIdNumber}",
            $"roles {string.Join(",", wanted)}; {account.DepartmentCode ?? account.StationKey}; divisions {string.Join(",", account.DivisionScope)}", clock.GetUtcNow()));
        await sessions.EndAllAsync(db, account.Id, keep: null, ct);
        return account;
    }

    /// <summary>A deactivated account cannot sign in, and every session it has ends now.</summary>
    public async Task DeactivateAsync(Guid accountId, string actor, StaffScope admin, CancellationToken ct)
    {
        var account = await FindAsync(accountId, admin, ct);
        if (actor == $"user:{account.Id}")
            throw new DomainException(new DomainError("staff.deactivate_self", "不能停用自己的账号", "You cannot deactivate your own account", ErrorKind.Conflict));
        account.Deactivate(actor, clock.GetUtcNow());
        db.Audit(new AuditRecord(actor, "identity.staff_deactivated", $"account:{account.MaskedIdNumber}", null, clock.GetUtcNow()));
        await sessions.EndAllAsync(db, account.Id, keep: null, ct);
    }

    public async Task ReactivateAsync(Guid accountId, string actor, StaffScope admin, CancellationToken ct)
    {
        var account = await FindAsync(accountId, admin, ct);
        account.Reactivate();
        db.Audit(new AuditRecord(actor, "identity.staff_reactivated", $"account:{account.MaskedIdNumber}", null, clock.GetUtcNow()));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>A staff account the administrator reaches; any other answers "not found", so a scoped administrator learns nothing of it.</summary>
    private async Task<Account> FindAsync(Guid accountId, StaffScope admin, CancellationToken ct)
    {
        var account = await db.Users.SingleOrDefaultAsync(a => a.Id == accountId && a.Kind == AccountKind.Staff, ct);
        return account is not null && Reaches(admin, account.Kind, account.DivisionScope) ? account : throw new DomainException(DomainError.NotFound("工作人员账号", "The staff account"));
    }

    private static List<string> Known(IReadOnlyCollection<string> roleNames) => roleNames.Where(r => Policies.All.Any(p => p.Role == r)).Distinct().ToList();

    private async Task EnsureRolesAsync(List<string> wanted)
    {
        foreach (var role in wanted.Where(r => !roles.Roles.Any(x => x.Name == r)).ToList())
            await roles.CreateAsync(new IdentityRole<Guid>(role) { Id = Guid.CreateVersion7() });
    }

    private async Task CheckAsync(Account account, List<string> wanted, StaffScope admin, CancellationToken ct)
    {
        var errors = new List<DomainError>();
        if (wanted.Count == 0) errors.Add(new("staff.roles", "请至少选择一个角色", "Choose at least one role", Field: "roles"));
        if (!Reaches(admin, account.Kind, account.DivisionScope))
            errors.Add(new("staff.beyond_scope", "您只能管理本辖区内的工作人员：负责的行政区划须在您的辖区之内", "You manage staff of your own divisions only: give divisions inside your scope", ErrorKind.Forbidden, "division_scope"));
        if (account.DepartmentCode is { } department && await organization.FindDepartmentByCreditCodeAsync(department, ct) is null)
            errors.Add(new("staff.department_unknown", "未找到该统一社会信用代码的部门", "No department has this credit code", Field: "department_code"));
        if (account.StationKey is { } station && (await organization.ListStationsAsync(ct)).All(s => s.Key != station))
            errors.Add(new("staff.station_unknown", "未找到该驿站标识", "No station has this key", Field: "station_key"));
        if (account.DivisionScope.Count > 0)
        {
            var known = (await organization.ListDivisionsAsync(ct)).Select(d => d.Code).ToHashSet();
            foreach (var code in account.DivisionScope.Where(c => !known.Contains(c)))
                errors.Add(new("staff.division_unknown", $"行政区划{code}不存在", $"Division {code} does not exist", Field: "division_scope"));
        }
        if (errors.Count > 0) throw new DomainException(errors.OrderBy(e => e.Kind == ErrorKind.Forbidden ? 0 : 1).ToList());
    }
}
