using Microsoft.AspNetCore.Identity;
using Tongban.Identity.Data;
using Tongban.Identity.Domain;
using Tongban.Identity.Features.SignIn;
using Tongban.Kernel.Audit;
using Tongban.Kernel.Errors;
using Tongban.Kernel.Outbox;
using Tongban.Kernel.Security;
using Tongban.Organization.Contracts;

namespace Tongban.Identity.Features.Accounts;

internal sealed record StaffRegistration(string IdNumber, string Name, string Phone, string Password, StaffPlacement Placement, IReadOnlyCollection<string> Roles);

/// <summary>A system administrator creates staff accounts with their roles, department or station and divisions.</summary>
internal sealed class ManageStaff(AccountsDbContext db, UserManager<Account> users, RoleManager<IdentityRole<Guid>> roles, RegisterAccounts accounts,
    IOrganizationDirectory organization, TimeProvider clock)
{
    public async Task<Account> CreateAsync(StaffRegistration input, string actor, CancellationToken ct)
    {
        var wanted = input.Roles.Where(r => Policies.All.Any(p => p.Role == r)).Distinct().ToList();
        var account = Account.CreateStaff(input.IdNumber, input.Name, input.Phone, input.Placement, clock.GetUtcNow());
        var errors = new List<DomainError>();
        if (wanted.Count == 0) errors.Add(new("staff.roles", "请至少选择一个角色", "Choose at least one role", Field: "roles"));
        await CheckPlacementAsync(account, errors, ct);
        if (errors.Count > 0) throw new DomainException(errors);
        await accounts.EnsureUniqueAsync(account, ct);
        await accounts.SetPasswordAsync(account, input.Password);

        foreach (var role in wanted.Where(r => !roles.Roles.Any(x => x.Name == r)).ToList())
            await roles.CreateAsync(new IdentityRole<Guid>(role) { Id = Guid.CreateVersion7() });
        var created = await users.CreateAsync(account);
        if (!created.Succeeded) throw SignInErrors.From(created);
        await users.AddToRolesAsync(account, wanted);
        db.Audit(new AuditRecord(actor, "identity.staff_created", $"account:{account.MaskedIdNumber}", string.Join(",", wanted), clock.GetUtcNow()));
        await db.SaveChangesAsync(ct);
        return account;
    }

    private async Task CheckPlacementAsync(Account account, List<DomainError> errors, CancellationToken ct)
    {
        if (account.DepartmentCode is { } department && await organization.FindDepartmentByCreditCodeAsync(department, ct) is null)
            errors.Add(new("staff.department_unknown", "未找到该统一社会信用代码的部门", "No department has this credit code", Field: "department_code"));
        if (account.StationKey is { } station && (await organization.ListStationsAsync(ct)).All(s => s.Key != station))
            errors.Add(new("staff.station_unknown", "未找到该驿站标识", "No station has this key", Field: "station_key"));
        if (account.DivisionScope.Count == 0) return;
        var known = (await organization.ListDivisionsAsync(ct)).Select(d => d.Code).ToHashSet();
        foreach (var code in account.DivisionScope.Where(c => !known.Contains(c)))
            errors.Add(new("staff.division_unknown", $"行政区划{code}不存在", $"Division {code} does not exist", Field: "division_scope"));
    }
}
