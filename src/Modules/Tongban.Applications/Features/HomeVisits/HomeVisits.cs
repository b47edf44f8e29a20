using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Tongban.Applications.Data;
using Tongban.Applications.Domain;
using Tongban.Applications.Features.ViewCase;
using Tongban.Applications.Features.Workbench;
using Tongban.Catalog.Contracts;
using Tongban.Identity.Contracts;
using Tongban.Kernel.Audit;
using Tongban.Kernel.Errors;
using Tongban.Kernel.Identifiers;
using Tongban.Kernel.Outbox;
using Tongban.Kernel.Security;
using Tongban.Kernel.Time;

namespace Tongban.Applications.Features.HomeVisits;

/// <summary>A request as typed: the item, the reason, where and how to reach the resident, when suits; <c>Resident</c> when asking for someone else.</summary>
internal sealed record HomeVisitInput(string? Item, string? Reason, string? Address, string? Phone, string? PreferredTimes, string? Note, Guid? Resident);

internal sealed record AssignInput(string? Assignee);

internal sealed record VisitInput(string? CaseNumber);

internal sealed record DeclineInput(string? Reason);

/// <summary>
/// 上门服务 (issue #19 item 6): residents ask, the item's department or the agent's station arranges, visits and closes.
/// Asking for someone else needs their authorisation for the item (identity's proxy authorisations, as an agent's
/// application does). The requester and the resident read their request; staff read those in their scope (as the item's
/// cases), and each staff read of the list is audited — it shows residents' addresses and phones. Anyone else: not found.
/// </summary>
internal sealed class HomeVisits(ApplicationsDbContext db, IServiceItems items, IAccountDirectory accounts, IProxyAuthorisations proxies,
    CaseReader cases, RegionClock clock)
{
    public static DomainException NotFound => new(DomainError.NotFound("上门服务申请", "The home visit request"));

    public async Task<HomeVisit> RequestAsync(HomeVisitInput input, ClaimsPrincipal user, CancellationToken ct)
    {
        var requester = Applicants.IdOf(user);
        var item = await ItemAsync(input.Item, ct)
            ?? throw new DomainException(new DomainError("home_visit.item", "请选择一个可以申请的事项", "Choose an item that can be applied for", ErrorKind.Invalid, "item"));
        var resident = input.Resident ?? requester;
        if (resident != requester && await proxies.FindInForceAsync(requester, resident, item.ImplementationCode, ct) is null)
            throw new DomainException(new DomainError("home_visit.no_authorisation",
                "被服务人没有授权您代办该事项（或授权已过期、已撤销），不能代为申请上门服务", "The resident has not authorised you for that item (or it expired or was revoked), so you cannot ask for a visit for them",
                ErrorKind.Forbidden, "resident"));
        var idNumber = await accounts.OwnIdNumberAsync(resident, ct);
        if (idNumber is null || !ResidentIdNumber.TryParse(idNumber, out var id, out _))
            throw new DomainException(new DomainError("home_visit.real_name", "被服务人须先完成实名认证", "The resident must verify their real name first", ErrorKind.Forbidden, "resident"));
        var station = resident != requester && user.IsInRole(Policies.StationAgent) ? StaffScope.Of(user).StationKey : null;
        var visit = HomeVisit.Request(resident, requester, station, item,
            new HomeVisit.Details(input.Reason, input.Address, input.Phone, input.PreferredTimes, input.Note), id!.Value.BirthDate, clock.Today, clock.UtcNow);
        db.HomeVisits.Add(visit);
        db.Audit(new AuditRecord(Actor.Of(user), "applications.home_visit_requested", $"home-visit:{visit.Id.Value}",
            resident == requester ? item.ImplementationCode : $"{item.ImplementationCode} for user:{resident}", clock.UtcNow));
        await db.SaveChangesAsync(ct);
        return visit;
    }

    /// <summary>The item a request names, when it is one people can apply for; a malformed code is not looked up.</summary>
    public async Task<ApplicableItem?> ItemAsync(string? code, CancellationToken ct)
    {
        var trimmed = code?.Trim() ?? "";
        return trimmed.Length is > 0 and <= 64 && trimmed.All(c => char.IsAsciiLetterOrDigit(c) || c == '-') ? await items.FindApplicableAsync(trimmed, ct) : null;
    }

    /// <summary>The requests one asked for or is served by, newest first.</summary>
    public async Task<IReadOnlyList<HomeVisit>> MineAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var me = Applicants.IdOf(user);
        return await db.HomeVisits.AsNoTracking().Where(v => v.ResidentId == me || v.RequestedBy == me)
            .OrderByDescending(v => v.RequestedAt).Take(200).ToListAsync(ct);
    }

    public async Task<HomeVisit> MineAsync(Guid id, ClaimsPrincipal user, CancellationToken ct)
    {
        var me = Applicants.IdOf(user);
        var visit = await db.HomeVisits.AsNoTracking().SingleOrDefaultAsync(v => v.Id == HomeVisitId.From(id), ct);
        return visit is not null && (visit.ResidentId == me || visit.RequestedBy == me) ? visit : throw NotFound;
    }

    /// <summary>The requests in the staff member's scope, open ones first (oldest first), then the latest closed; the read is audited.</summary>
    public async Task<IReadOnlyList<HomeVisit>> InScopeAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var query = WorkbenchQuery.InScope(db.HomeVisits.AsNoTracking(), StaffScope.Of(user));
        var open = await query.Where(v => HomeVisit.OpenStates.Contains(v.State)).OrderBy(v => v.RequestedAt).Take(300).ToListAsync(ct);
        var done = await query.Where(v => !HomeVisit.OpenStates.Contains(v.State))
            .OrderByDescending(v => v.RequestedAt).Take(50).ToListAsync(ct);
        List<HomeVisit> all = [.. open, .. done];
        db.Audit(new AuditRecord(Actor.Of(user), "applications.home_visits_read", "home-visits",
            all.Count == 0 ? "none" : string.Join(' ', all.Select(v => $"user:{v.ResidentId}").Distinct().Take(50)), clock.UtcNow));
        await db.SaveChangesAsync(ct);
        return all;
    }

    public Task<HomeVisit> AssignAsync(Guid id, AssignInput input, ClaimsPrincipal user, CancellationToken ct) =>
        ActAsync(id, user, "assigned", (visit, staff, at) => visit.Assign(input.Assignee ?? "", staff, at), ct);

    public Task<HomeVisit> DeclineAsync(Guid id, DeclineInput input, ClaimsPrincipal user, CancellationToken ct) =>
        ActAsync(id, user, "declined", (visit, staff, at) => visit.Decline(input.Reason ?? "", staff, at), ct);

    /// <summary>The visit made; with a case number, a trip on that case (the resident's, of the item, in the staff member's scope).</summary>
    public async Task<HomeVisit> VisitAsync(Guid id, VisitInput input, ClaimsPrincipal user, CancellationToken ct)
    {
        var number = input.CaseNumber?.Trim();
        Case? @case = null;
        if (!string.IsNullOrEmpty(number))
        {
            try { @case = await cases.ForStaffAsync(number, user, tracking: true, ct); }
            catch (DomainException) { throw new DomainException(new DomainError("home_visit.case_unknown", "没有找到该办件", "No such case", ErrorKind.Invalid, "case_number")); }
        }
        return await ActAsync(id, user, "visited", (visit, staff, at) => visit.RecordVisit(@case, staff, at), ct);
    }

    private async Task<HomeVisit> ActAsync(Guid id, ClaimsPrincipal user, string action, Action<HomeVisit, StaffMember, DateTimeOffset> act, CancellationToken ct)
    {
        var visit = await db.HomeVisits.SingleOrDefaultAsync(v => v.Id == HomeVisitId.From(id), ct);
        if (visit is null || !CaseReader.InScope(StaffScope.Of(user), visit)) throw NotFound;
        var staff = Applicants.StaffOf(user);
        act(visit, staff, clock.UtcNow);
        db.Audit(new AuditRecord(staff.Actor, $"applications.home_visit_{action}", $"home-visit:{visit.Id.Value}", visit.CaseNumber, clock.UtcNow));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new DomainException(new DomainError("home_visit.changed", "该申请刚被他人处理，请刷新后重试", "Someone else has just acted on this request; reload and try again", ErrorKind.Conflict));
        }
        return visit;
    }

    /// <summary>Requests served by a case that has just closed close with it (called in the same save as the case's change).</summary>
    public static async Task CloseWithCaseAsync(ApplicationsDbContext db, Case @case, DateTimeOffset at, CancellationToken ct)
    {
        if (!@case.IsClosed) return;
        foreach (var visit in await db.HomeVisits.Where(v => v.CaseNumber == @case.Number && v.State == HomeVisitState.Visited).ToListAsync(ct))
            visit.CloseWithCase(at);
    }
}
