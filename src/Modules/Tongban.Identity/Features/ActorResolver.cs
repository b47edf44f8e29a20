using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using Tongban.Identity.Data;
using Tongban.Identity.Domain;
using Tongban.Identity.Features.ManageClients;
using Tongban.Kernel.Security;
using Tongban.Organization.Contracts;

namespace Tongban.Identity.Features;

/// <summary>
/// Names accounts and department systems for <see cref="ActorDirectory"/>: a citizen by name; a staff member by name,
/// roles and the department (or station) they work for; a system (an OAuth2 client) by the department it belongs to.
/// One query for all the accounts of a page.
/// </summary>
internal sealed class ActorResolver(AccountsDbContext db, IOrganizationDirectory organization, IOpenIddictApplicationManager applications) : IActorResolver
{
    public async Task<IReadOnlyDictionary<string, ActorInfo>> ResolveAsync(IReadOnlyCollection<string> actors, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, ActorInfo>(StringComparer.Ordinal);
        var ids = actors.Select(ActorRef.AccountId).OfType<Guid>().Distinct().ToList();
        if (ids.Count > 0) await AccountsAsync(ids, found, cancellationToken);
        foreach (var client in actors.Select(ActorRef.ClientId).OfType<string>().Distinct(StringComparer.Ordinal))
            if (await ClientAsync(client, cancellationToken) is { } info) found[$"client:{client}"] = info;
        return found;
    }

    private async Task AccountsAsync(List<Guid> ids, Dictionary<string, ActorInfo> found, CancellationToken ct)
    {
        var accounts = await db.Users.AsNoTracking().Where(a => ids.Contains(a.Id))
            .Select(a => new { a.Id, a.Name, a.Kind, a.DepartmentCode, a.StationKey }).ToListAsync(ct);
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ids.Contains(ur.UserId) select new { ur.UserId, r.Name })
            .AsNoTracking().ToListAsync(ct);
        var stations = accounts.Any(a => a.StationKey is not null) ? (await organization.ListStationsAsync(ct)).ToDictionary(s => s.Key, s => s.Name) : [];
        foreach (var a in accounts)
        {
            if (a.Kind != AccountKind.Staff) { found[$"user:{a.Id}"] = new ActorInfo(ActorKind.Person, a.Name, a.Name, []); continue; }
            var held = roles.Where(r => r.UserId == a.Id).Select(r => r.Name!).OrderBy(r => Index(r)).ToList();
            var department = a.DepartmentCode is null ? null : await organization.FindDepartmentByCreditCodeAsync(a.DepartmentCode, ct);
            var station = a.StationKey is null ? null : stations.GetValueOrDefault(a.StationKey);
            found[$"user:{a.Id}"] = ActorInfo.Staff(a.Name, held, department?.Name ?? station, department?.NameEn ?? department?.Name ?? station);
        }
    }

    private static int Index(string role) => Policies.All.Select(p => p.Role).ToList().IndexOf(role);

    private async Task<ActorInfo?> ClientAsync(string clientId, CancellationToken ct)
    {
        if (await applications.FindByClientIdAsync(clientId, ct) is not { } application) return null;
        var code = await ClientRegistrations.DepartmentAsync(applications, application, ct);
        if (code is not null && await organization.FindDepartmentByCreditCodeAsync(code, ct) is { } department)
            return ActorInfo.System($"{department.Name}业务系统", $"{department.NameEn ?? department.Name} system");
        return ActorInfo.System(await applications.GetDisplayNameAsync(application, ct) ?? clientId, await applications.GetDisplayNameAsync(application, ct) ?? clientId);
    }
}
