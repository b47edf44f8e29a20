using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Tongban.Halls.Data;
using Tongban.Halls.Domain;
using Tongban.Identity.Contracts;
using Tongban.Kernel.Audit;
using Tongban.Kernel.Errors;
using Tongban.Kernel.Outbox;
using Tongban.Kernel.Security;
using Tongban.Kernel.Time;
using Tongban.Organization.Contracts;

namespace Tongban.Halls.Features.FreeAgency;

/// <summary>
/// 帮办代办, the centre's side: window clerks of a department with a window in the centre, whose divisions reach it, read
/// its queue (each read audited: it shows requesters' names and phones), assign an agent of the agency team (staff with
/// the agency-agent role whose divisions reach the centre) — which grants the agent identity's proxy authorisation for the
/// request's items in the requester's name, the request its basis — and close. Anyone else: not found.
/// </summary>
internal sealed class AgencyDesk(HallsDbContext db, FreeAgency requests, IOrganizationDirectory organization, IStaffDirectory staff,
    IProxyGrantsOnRequest grants, RegionClock clock)
{
    /// <summary>The halls where the signed-in person is window staff: a window clerk of a department with a window there, whose divisions reach it.</summary>
    public async Task<IReadOnlyList<HallInfo>> StaffHallsAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        if (!user.IsInRole(Policies.WindowClerk)) return [];
        var scope = StaffScope.Of(user);
        if (scope.DepartmentCode is null) return [];
        var mine = new List<HallInfo>();
        foreach (var hall in await organization.ListHallsAsync(ct))
            if (scope.Covers(hall.DivisionCode) && (await organization.ListWindowsAsync(hall.Slug, ct)).Any(w => w.DepartmentCreditCode == scope.DepartmentCode))
                mine.Add(hall);
        return mine;
    }

    /// <summary>The requests of the staff member's halls, open ones first (oldest first), then the latest closed; the read is audited.</summary>
    public async Task<IReadOnlyList<AgencyEntry>> QueueAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var halls = (await StaffHallsAsync(user, ct)).Select(h => h.Id).ToList();
        var query = db.AgencyRequests.AsNoTracking().Where(r => halls.Contains(r.HallId));
        var open = await query.Where(r => r.State != AgencyState.Closed).OrderBy(r => r.RequestedAt).Take(300).ToListAsync(ct);
        var closed = await query.Where(r => r.State == AgencyState.Closed).OrderByDescending(r => r.RequestedAt).Take(50).ToListAsync(ct);
        List<AgencyRequest> all = [.. open, .. closed];
        db.Audit(new AuditRecord(Actor.Of(user), "halls.agency_requests_read", "agency-requests",
            all.Count == 0 ? "none" : string.Join(' ', all.Select(r => $"user:{r.RequesterId}").Distinct().Take(50)), clock.UtcNow));
        await db.SaveChangesAsync(ct);
        return await requests.EntriesAsync(all, ct);
    }

    /// <summary>The agency team for a request's hall: staff with the agency-agent role whose divisions reach the hall.</summary>
    public async Task<IReadOnlyList<StaffMemberInfo>> TeamAsync(HallInfo hall, CancellationToken ct) =>
        [.. (await staff.WithRoleAsync(Policies.AgencyAgent, ct)).Where(m => new StaffScope(null, null, m.Divisions).Covers(hall.DivisionCode))];

    public async Task<IReadOnlyList<StaffMemberInfo>> TeamForAsync(Guid id, ClaimsPrincipal user, CancellationToken ct)
    {
        var (_, hall) = await StaffRequestAsync(id, user, tracking: false, ct);
        return await TeamAsync(hall, ct);
    }

    public async Task<AgencyEntry> AssignAsync(Guid id, AgencyAssignInput input, ClaimsPrincipal user, CancellationToken ct)
    {
        var (request, hall) = await StaffRequestAsync(id, user, tracking: true, ct);
        request.EnsureAssignable();
        var agent = input.Agent is { } chosen ? (await TeamAsync(hall, ct)).FirstOrDefault(m => m.Id == chosen) : null;
        if (agent is null)
            throw new DomainException(new DomainError("agency.agent_not_on_team", "请从本中心的帮办代办队伍中选择代办员", "Choose an agent from this centre's agency team",
                ErrorKind.Invalid, "agent"));
        var actor = Actor.Of(user);
        var granted = await grants.GrantAsync(new ProxyRequestGrant(request.RequesterId, agent.Id, request.ItemCodes,
            clock.Today.AddDays(AgencyRequest.AuthorisationDays), request.Basis, actor), ct);
        request.Assign(agent.Id, agent.Name, granted.Id, actor, StaffScope.Of(user).DepartmentCode!, clock.UtcNow); // staff of the centre have a department
        db.Audit(new AuditRecord(actor, "halls.agency_assigned", $"agency:{request.Id.Value}", $"agent user:{agent.Id}, authorisation {granted.Id}", clock.UtcNow));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone else assigned or closed it meanwhile: the authorisation just granted must not outlive this refusal.
            await grants.EndAsync(granted.Id, request.Basis, actor, ct);
            throw FreeAgency.Changed();
        }
        return (await requests.EntriesAsync([request], ct))[0];
    }

    public async Task<AgencyEntry> CloseAsStaffAsync(Guid id, ClaimsPrincipal user, CancellationToken ct)
    {
        var (request, _) = await StaffRequestAsync(id, user, tracking: true, ct);
        await requests.CloseAsync(request, Actor.Of(user), ct);
        return (await requests.EntriesAsync([request], ct))[0];
    }

    private async Task<(AgencyRequest Request, HallInfo Hall)> StaffRequestAsync(Guid id, ClaimsPrincipal user, bool tracking, CancellationToken ct)
    {
        var query = tracking ? db.AgencyRequests : db.AgencyRequests.AsNoTracking();
        var request = await query.SingleOrDefaultAsync(r => r.Id == AgencyRequestId.From(id), ct);
        var hall = request is null ? null : (await StaffHallsAsync(user, ct)).FirstOrDefault(h => h.Id == request.HallId);
        return request is not null && hall is not null ? (request, hall) : throw FreeAgency.NotFound;
    }

}
