using Microsoft.EntityFrameworkCore;
using Tongban.Kernel.Time;
using Tongban.Organization.Contracts;
using Tongban.Registries.Contracts;
using Tongban.Sharing.Data;
using Tongban.Sharing.Domain;

namespace Tongban.Sharing.Features.ReportSharing;

internal sealed record SharingTypeCount(SharingType SharingType, int Resources, int Published);

internal sealed record DepartmentCount(string CreditCode, string Name, int Resources, int Unconditional, int Conditional, int NotShared);

/// <summary>Records a registry holds: current ones and every version.</summary>
internal sealed record RegistryFigure(string Code, string Chinese, string English, long Current, long Versions);

/// <summary>Calls through the exchange and other reads, per calling department or per resource, with its name.</summary>
internal sealed record CallFigure(string Key, string Name, long Calls, long Records);

internal sealed record SharingFigures(int Resources, int Published, int UnderReview, IReadOnlyList<SharingTypeCount> BySharingType,
    IReadOnlyList<DepartmentCount> ByDepartment, int RequestsPending, int RequestsApproved, int RequestsDeclined,
    int GrantsActive, int GrantsExpired, int GrantsRevoked,
    IReadOnlyList<RegistryFigure> Registries, long Calls, IReadOnlyList<CallFigure> CallsByDepartment, IReadOnlyList<CallFigure> CallsByResource);

/// <summary>The catalog by sharing type and by provider, and where requests and grants stand today.</summary>
internal sealed class SharingStatistics(SharingDbContext db, IOrganizationDirectory organization, IRegistryRecords registries, RegionClock clock)
{
    public async Task<SharingFigures> GetAsync(CancellationToken ct)
    {
        var resources = await db.Resources.AsNoTracking()
            .Select(r => new { r.Code, r.Name, r.ProviderCreditCode, r.SharingType, r.Status, Published = r.Live != null }).ToListAsync(ct);
        var requests = await db.Requests.AsNoTracking().GroupBy(r => r.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var grants = await db.Grants.AsNoTracking().Select(g => new { g.RevokedAt, g.ValidFrom, g.ValidUntil }).ToListAsync(ct);
        var names = (await organization.ListDepartmentsAsync(null, ct)).ToDictionary(d => d.CreditCode, d => d.Name);
        var today = clock.Today;
        var states = grants.Select(g => Grant.StateOf(g.RevokedAt, g.ValidFrom, g.ValidUntil, today)).ToList();
        int Requests(RequestStatus s) => requests.SingleOrDefault(r => r.Key == s)?.Count ?? 0;
        var counts = await registries.CountAsync(ct);
        var calls = await registries.CallStatisticsAsync(ct);
        var resourceNames = resources.ToDictionary(r => r.Code, r => r.Name);
        return new SharingFigures(
            resources.Count, resources.Count(r => r.Published), resources.Count(r => r.Status == ResourceStatus.Submitted),
            [.. Enum.GetValues<SharingType>().Select(t => new SharingTypeCount(t, resources.Count(r => r.SharingType == t), resources.Count(r => r.SharingType == t && r.Published)))],
            [.. resources.GroupBy(r => r.ProviderCreditCode).Select(g => new DepartmentCount(g.Key, names.GetValueOrDefault(g.Key, g.Key), g.Count(),
                g.Count(r => r.SharingType == SharingType.Unconditional), g.Count(r => r.SharingType == SharingType.Conditional), g.Count(r => r.SharingType == SharingType.NotShared)))
                .OrderByDescending(d => d.Resources).ThenBy(d => d.CreditCode, StringComparer.Ordinal)],
            Requests(RequestStatus.Pending), Requests(RequestStatus.Approved), Requests(RequestStatus.Declined),
            states.Count(s => s == GrantState.Active), states.Count(s => s == GrantState.Expired), states.Count(s => s == GrantState.Revoked),
            [.. counts.Join(registries.Registries, c => c.Kind, d => d.Kind, (c, d) => new RegistryFigure(c.Code, d.Chinese, d.English, c.Current, c.Versions))],
            calls.Total,
            [.. calls.ByDepartment.Select(c => new CallFigure(c.Key, names.GetValueOrDefault(c.Key, c.Key), c.Calls, c.Records))],
            [.. calls.ByResource.Select(c => new CallFigure(c.Key, resourceNames.GetValueOrDefault(c.Key, c.Key), c.Calls, c.Records))]);
    }
}
