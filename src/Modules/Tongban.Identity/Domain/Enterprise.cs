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

/// <summary>
/// An enterprise (法人) registered by its legal representative, a citizen account. The representative invites
/// agents with scopes and an expiry date, and removes them. L2 when the legal-entity registry confirmed the
/// credit code and name of an active entity.
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

    public static Enterprise Register(string creditCode, string name, Guid representative, bool registryConfirmed, DateTimeOffset at)
    {
        var errors = new List<DomainError>();
        if (!Kernel.Identifiers.CreditCode.TryParse(creditCode, out var code, out var codeError)) errors.Add(codeError!.At("credit_code"));
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > 100)
            errors.Add(new("enterprise.name", "请填写单位名称（不超过100字）", "Give the enterprise's name (100 characters at most)", Field: "name"));
        if (errors.Count > 0) throw new DomainException(errors);
        return new Enterprise
        {
            Id = Guid.CreateVersion7(), CreditCode = code!.Value.Value, Name = name.Trim(), RepresentativeId = representative,
            Level = registryConfirmed ? RealNameLevel.RegistryVerified : RealNameLevel.SelfRegistered, CreatedAt = at,
        };
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
    }
}
