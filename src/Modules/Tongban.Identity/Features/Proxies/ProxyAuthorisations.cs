using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Tongban.Identity.Contracts;
using Tongban.Identity.Data;
using Tongban.Identity.Domain;
using Tongban.Kernel.Audit;
using Tongban.Kernel.Errors;
using Tongban.Kernel.Outbox;
using Tongban.Kernel.Security;
using Tongban.Kernel.Time;
using Tongban.Kernel.PersonalData;

namespace Tongban.Identity.Features.Proxies;

internal sealed record ProxyGrant(string AgentIdNumber, string AgentName, IReadOnlyCollection<string> ItemCodes, DateOnly ValidUntil);

/// <summary>One authorisation as its principal or its agent sees it: the other person by name and masked ID number.</summary>
internal sealed record ProxyView(Guid Id, string OtherName, string OtherMaskedIdNumber, IReadOnlyList<string> ItemCodes, DateOnly ValidUntil,
    ProxyStatus Status, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt);

internal sealed record MyProxies(IReadOnlyList<ProxyView> Given, IReadOnlyList<ProxyView> Received);

/// <summary>
/// 代办授权: a citizen grants an agent the right to apply for named items in their name until a date, sees every
/// authorisation given and received, and revokes. Other modules ask <see cref="IProxyAuthorisations"/> at use.
/// </summary>
internal sealed class ProxyAuthorisations(AccountsDbContext db, RegionClock clock, IHttpContextAccessor http) : IProxyAuthorisations, IProxyGrantsOnRequest
{
    public async Task<ProxyAuthorisationInfo> GrantAsync(ProxyRequestGrant grant, CancellationToken cancellationToken)
    {
        var principal = await db.Users.SingleOrDefaultAsync(a => a.Id == grant.PrincipalAccountId, cancellationToken);
        if (principal is null || !principal.IsActive || principal.Kind != AccountKind.Citizen)
            throw new DomainException(new DomainError("proxy.principal_unknown", "委托人的账号不存在或已停用", "The principal's account does not exist or is deactivated", ErrorKind.Conflict));
        var agent = await db.Users.AsNoTracking().SingleOrDefaultAsync(a => a.Id == grant.AgentAccountId, cancellationToken);
        if (agent is null || !agent.IsActive)
            throw new DomainException(new DomainError("proxy.agent_unknown", "代办人的账号不存在或已停用", "The agent's account does not exist or is deactivated", Field: "agent"));
        var granted = ProxyAuthorisation.GrantOnRequest(principal.Id, agent.Id, grant.ItemCodes, grant.ValidUntil, clock.Today, clock.UtcNow, grant.Basis, grant.GrantedBy);
        db.ProxyAuthorisations.Add(granted);
        db.Audit(new AuditRecord(grant.GrantedBy, "identity.proxy_granted", $"account:{principal.MaskedIdNumber}",
            $"on {grant.Basis}: agent {agent.MaskedIdNumber}, items {string.Join(' ', granted.ItemCodes)}, until {granted.ValidUntil:yyyy-MM-dd}", clock.UtcNow));
        await db.SaveChangesAsync(cancellationToken);
        return Info(granted);
    }

    public async Task EndAsync(Guid authorisationId, string basis, string endedBy, CancellationToken cancellationToken)
    {
        var proxy = await db.ProxyAuthorisations.SingleOrDefaultAsync(p => p.Id == authorisationId && p.Basis == basis, cancellationToken);
        if (proxy is null || !proxy.EndWithRequest(endedBy, clock.UtcNow)) return;
        db.Audit(new AuditRecord(endedBy, "identity.proxy_revoked", $"authorisation:{proxy.Id}", $"{basis} ended", clock.UtcNow));
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<ProxyAuthorisation> GrantAsync(Guid principalId, ProxyGrant input, CancellationToken ct)
    {
        var principal = await db.Users.SingleOrDefaultAsync(a => a.Id == principalId, ct) ?? throw new DomainException(DomainError.NotFound("账号", "The account"));
        var agent = await FindAgentAsync(input.AgentIdNumber, input.AgentName, ct);
        var granted = ProxyAuthorisation.Grant(principal.Id, agent.Id, input.ItemCodes, input.ValidUntil, clock.Today, clock.UtcNow);
        db.ProxyAuthorisations.Add(granted);
        db.Audit(new AuditRecord($"account:{principal.Id}", "identity.proxy_granted", $"account:{principal.MaskedIdNumber}",
            $"agent {agent.MaskedIdNumber}, items {string.Join(' ', granted.ItemCodes)}, until {granted.ValidUntil:yyyy-MM-dd}, from {ClientAddress.Of(http.HttpContext)}", clock.UtcNow));
        await db.SaveChangesAsync(ct);
        return granted;
    }

    public async Task RevokeAsync(Guid principalId, Guid authorisationId, CancellationToken ct)
    {
        var proxy = await db.ProxyAuthorisations.SingleOrDefaultAsync(p => p.Id == authorisationId, ct);
        if (proxy is null || (proxy.PrincipalId != principalId && proxy.AgentId != principalId))
            throw new DomainException(DomainError.NotFound("授权", "The authorisation"));
        proxy.Revoke(principalId, $"account:{principalId}", clock.UtcNow);
        var idNumber = await db.Users.Where(a => a.Id == principalId).Select(a => a.IdNumber).SingleAsync(ct);
        db.Audit(new AuditRecord($"account:{principalId}", "identity.proxy_revoked", $"account:{Kernel.Identifiers.ResidentIdNumber.Mask(idNumber)}",
            $"authorisation {proxy.Id}, from {ClientAddress.Of(http.HttpContext)}", clock.UtcNow));
        await db.SaveChangesAsync(ct);
    }

    public async Task<MyProxies> OfAsync(Guid accountId, CancellationToken ct)
    {
        var all = await db.ProxyAuthorisations.AsNoTracking().Where(p => p.PrincipalId == accountId || p.AgentId == accountId)
            .OrderByDescending(p => p.CreatedAt).ToListAsync(ct);
        var others = all.Select(p => p.PrincipalId == accountId ? p.AgentId : p.PrincipalId).Distinct().ToList();
        var people = await db.Users.AsNoTracking().Where(a => others.Contains(a.Id)).Select(a => new { a.Id, a.Name, a.IdNumber }).ToDictionaryAsync(a => a.Id, ct);
        var today = clock.Today;
        ProxyView View(ProxyAuthorisation p, Guid other) => new(p.Id, people.GetValueOrDefault(other)?.Name ?? "",
            Kernel.Identifiers.ResidentIdNumber.Mask(people.GetValueOrDefault(other)?.IdNumber ?? ""), p.ItemCodes, p.ValidUntil, p.StatusOn(today), p.CreatedAt, p.RevokedAt);
        return new MyProxies(
            all.Where(p => p.PrincipalId == accountId).Select(p => View(p, p.AgentId)).ToList(),
            all.Where(p => p.AgentId == accountId).Select(p => View(p, p.PrincipalId)).ToList());
    }

    public async Task<ProxyAuthorisationInfo?> FindInForceAsync(Guid agentAccountId, Guid principalAccountId, string itemCode, CancellationToken cancellationToken)
    {
        var today = clock.Today;
        var candidates = await InForce().Where(p => p.AgentId == agentAccountId && p.PrincipalId == principalAccountId).ToListAsync(cancellationToken);
        return candidates.Where(p => p.Allows(itemCode, today)).OrderByDescending(p => p.ValidUntil).Select(Info).FirstOrDefault();
    }

    public async Task<IReadOnlyList<ProxyAuthorisationInfo>> InForceForAgentAsync(Guid agentAccountId, CancellationToken cancellationToken) =>
        (await InForce().Where(p => p.AgentId == agentAccountId).OrderBy(p => p.CreatedAt).ToListAsync(cancellationToken)).Select(Info).ToList();

    private IQueryable<ProxyAuthorisation> InForce()
    {
        var today = clock.Today;
        return db.ProxyAuthorisations.AsNoTracking().Where(p => p.RevokedAt == null && p.ValidUntil >= today);
    }

    private static ProxyAuthorisationInfo Info(ProxyAuthorisation p) => new(p.Id, p.PrincipalId, p.AgentId, p.ItemCodes, p.ValidUntil);

    /// <summary>The principal names the agent by ID number and name; both must match one account, a citizen or a station agent.</summary>
    private async Task<Account> FindAgentAsync(string idNumber, string name, CancellationToken ct)
    {
        var id = (idNumber ?? "").Trim().ToUpperInvariant();
        var agent = await db.Users.WhereMatches(a => a.IdNumber, id).SingleOrDefaultAsync(ct);
        if (agent is null || agent.Name != (name ?? "").Trim() || !agent.IsActive)
            throw new DomainException(new DomainError("proxy.agent_unknown", "未找到与该身份证号码和姓名一致的账号，请代办人先注册",
                "No account matches this ID number and name; the agent registers first", Field: "agent_id_number"));
        if (agent.Kind == AccountKind.Staff && !await IsStationAgentAsync(agent.Id, ct))
            throw new DomainException(new DomainError("proxy.agent_staff", "工作人员只有驿站代办员可以接受代办授权",
                "Of staff, only station agents may act for citizens", Field: "agent_id_number"));
        return agent;
    }

    private Task<bool> IsStationAgentAsync(Guid account, CancellationToken ct) =>
        (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == account && r.Name == Policies.StationAgent select r).AnyAsync(ct);
}
