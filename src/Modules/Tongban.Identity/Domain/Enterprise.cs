using Tongban.Kernel.Errors;
using Tongban.Kernel.Identifiers;

namespace Tongban.Identity.Domain;

/// <summary>The scopes an agent (经办人) may be given for an enterprise.</summary>
internal static class AgentScopes
{
    public static readonly IReadOnlyList<(string Scope, string Chinese, string English)> All =
    [
        ("apply", "代为申请办事", "Apply for items"),
        ("track", "查询办件进度", "Track applications"),
        ("licenses", "查看和使用证照", "View and use licences"),
    ];
}

internal sealed record EnterpriseAgent(Guid AccountId, List<string> Scopes, DateOnly ExpiresOn, DateTimeOffset InvitedAt);

/// <summary>Where a claim to represent an enterprise stands.</summary>
internal enum EnterpriseStatus
{
    /// <summary>The registry could not prove it: waits for a window (or the province) to check the licence and the person.</summary>
    Pending = 1,

    /// <summary>Proven: by the legal-entity registry (L2) or at a window (L3). One per credit code.</summary>
    Verified = 2,

    /// <summary>Withdrawn: the rightful representative proved it, or a clerk revoked it with a reason.</summary>
    Revoked = 3,
}

/// <summary>
/// A person's claim to be an enterprise's (法人) legal representative, and once verified the enterprise they act for:
/// they invite agents with scopes and an expiry date, and remove them. Only a verified claim does anything, and only
/// one per credit code is verified; pending claims block no one (see <see cref="EnterpriseStatus"/>).
/// </summary>
internal sealed class Enterprise
{
    private Enterprise() { }

    public Guid Id { get; private set; }
    public string CreditCode { get; private set; } = "";
    public string Name { get; private set; } = "";
    public Guid RepresentativeId { get; private set; }
    public RealNameLevel Level { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public List<EnterpriseAgent> Agents { get; private set; } = [];
    public EnterpriseStatus Status { get; private set; }
    public DateTimeOffset? VerifiedAt { get; private set; }
    public string? VerifiedBy { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }
    public string? RevokedBy { get; private set; }
    public string? RevokedReason { get; private set; }

    /// <summary>The credit code (GB 32100) and name as registered, or every error at once.</summary>
    public static (string CreditCode, string Name) Check(string? creditCode, string? name)
    {
        var errors = new List<DomainError>();
        if (!Kernel.Identifiers.CreditCode.TryParse(creditCode, out var code, out var codeError)) errors.Add(codeError!.At("credit_code"));
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > 100)
            errors.Add(new("enterprise.name", "请填写单位名称（不超过100字）", "Give the enterprise's name (100 characters at most)", Field: "name"));
        if (errors.Count > 0) throw new DomainException(errors);
        return (code!.Value.Value, name!.Trim());
    }

    /// <summary>The legal-entity registry names this person (at L2 or above) as the active entity's legal representative: L2.</summary>
    public static Enterprise ProvenByRegistry(string creditCode, string name, Guid representative, DateTimeOffset at) =>
        New(creditCode, name, representative, at, EnterpriseStatus.Verified, RealNameLevel.RegistryVerified, "registry:legal-entities");

    /// <summary>The registry cannot say: the claim waits for a window.</summary>
    public static Enterprise Claimed(string creditCode, string name, Guid claimant, DateTimeOffset at) =>
        New(creditCode, name, claimant, at, EnterpriseStatus.Pending, RealNameLevel.SelfRegistered, null);

    private static Enterprise New(string creditCode, string name, Guid person, DateTimeOffset at, EnterpriseStatus status, RealNameLevel level, string? verifiedBy)
    {
        var (code, checkedName) = Check(creditCode, name);
        return new Enterprise
        {
            Id = Guid.CreateVersion7(), CreditCode = code, Name = checkedName, RepresentativeId = person, CreatedAt = at,
            Status = status, Level = level, VerifiedBy = verifiedBy, VerifiedAt = verifiedBy is null ? null : at,
        };
    }

    /// <summary>A window clerk or station agent saw the business licence and the claimant's ID card: L3.</summary>
    public void VerifyInPerson(string staff, DateTimeOffset at)
    {
        if (Status != EnterpriseStatus.Pending)
            throw new DomainException(new DomainError("enterprise.not_pending", "该申请不是待核验状态", "This claim is not awaiting verification", ErrorKind.Conflict));
        (Status, Level, VerifiedBy, VerifiedAt) = (EnterpriseStatus.Verified, RealNameLevel.VerifiedInPerson, staff, at);
    }

    /// <summary>Withdraws the claim (pending or verified) with the reason; its agents lose their roles.</summary>
    public void Revoke(string by, string? reason, DateTimeOffset at)
    {
        if (Status == EnterpriseStatus.Revoked)
            throw new DomainException(new DomainError("enterprise.revoked_already", "该登记已撤销", "This registration is revoked already", ErrorKind.Conflict));
        var why = reason?.Trim() ?? "";
        if (why.Length is < 2 or > 200)
            throw new DomainException(new DomainError("enterprise.revoke_reason", "请填写撤销原因（2至200字）", "Give the reason for revoking (2 to 200 characters)", Field: "reason"));
        (Status, RevokedBy, RevokedReason, RevokedAt, Agents) = (EnterpriseStatus.Revoked, by, why, at, []);
    }

    public void InviteAgent(Guid actor, Guid agent, IReadOnlyCollection<string> scopes, DateOnly expiresOn, DateTimeOffset at)
    {
        RequireRepresentative(actor);
        var errors = new List<DomainError>();
        if (agent == RepresentativeId)
            errors.Add(new("enterprise.agent_self", "法定代表人无需添加为经办人", "The legal representative needs no agent role", Field: "agent_id_number"));
        if (Agents.Any(a => a.AccountId == agent))
            errors.Add(new("enterprise.agent_duplicate", "此人已是经办人", "This person is already an agent", ErrorKind.Conflict, "agent_id_number"));
        var known = scopes.Where(s => AgentScopes.All.Any(a => a.Scope == s)).Distinct().ToList();
        if (known.Count == 0)
            errors.Add(new("enterprise.agent_scopes", "请至少选择一项授权范围", "Choose at least one scope", Field: "scopes"));
        if (expiresOn <= DateOnly.FromDateTime(at.UtcDateTime))
            errors.Add(new("enterprise.agent_expiry", "授权截止日期应晚于今天", "The expiry date must be after today", Field: "expires_on"));
        if (errors.Count > 0) throw new DomainException(errors);
        Agents = [.. Agents, new EnterpriseAgent(agent, known, expiresOn, at)];
    }

    public void RemoveAgent(Guid actor, Guid agent)
    {
        RequireRepresentative(actor);
        Agents = Agents.Where(a => a.AccountId != agent).ToList();
    }

    private void RequireRepresentative(Guid actor)
    {
        if (actor != RepresentativeId)
            throw new DomainException(new DomainError("enterprise.not_representative", "只有法定代表人可以管理经办人", "Only the legal representative manages agents", ErrorKind.Forbidden));
        if (Status != EnterpriseStatus.Verified)
            throw new DomainException(new DomainError("enterprise.not_verified", "单位登记核验通过后才能管理经办人", "Agents can be managed once the registration is verified", ErrorKind.Conflict));
    }
}
