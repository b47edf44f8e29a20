using Microsoft.EntityFrameworkCore;
using Tongban.Identity.Contracts;
using Tongban.Identity.Data;
using Tongban.Identity.Domain;

namespace Tongban.Identity.Features;

/// <summary>Active staff holding a role, with their divisions (for the hall's agency team).</summary>
internal sealed class StaffDirectory(AccountsDbContext db) : IStaffDirectory
{
    public async Task<IReadOnlyList<StaffMemberInfo>> WithRoleAsync(string role, CancellationToken cancellationToken)
    {
        var staff = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           join a in db.Users on ur.UserId equals a.Id
                           where r.Name == role && a.Kind == AccountKind.Staff && a.DeactivatedAt == null
                           select new { a.Id, a.Name, a.DivisionScope }).AsNoTracking().ToListAsync(cancellationToken);
        return staff.OrderBy(s => s.Name, StringComparer.Ordinal).Select(s => new StaffMemberInfo(s.Id, s.Name, s.DivisionScope)).ToList();
    }
}
