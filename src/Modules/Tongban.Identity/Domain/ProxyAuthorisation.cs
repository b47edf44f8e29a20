using Tongban.Kernel.Errors;

namespace Tongban.Identity.Domain;

internal enum ProxyStatus
{
    InForce,
    Expired,
    Revoked,
}

/// <summary>
/// 代办授权: a principal lets an agent — a station agent or another citizen — apply for named service items
/// (implementation codes) in the principal's name until a date. Only the principal revokes it, once.
/// </summary>
internal sealed class ProxyAuthorisation
{
    /// <summary>The longest an authorisation may run.</summary>
    public const int LongestDays = 366;

    public const int MostItems = 20;

    private ProxyAuthorisation() { }

    public Guid Id { get; private set; }
    public Guid PrincipalId { get; private set; }
    public Guid AgentId { get; private set; }
    public List<string> ItemCodes { get; private set; } = [];
    public DateOnly ValidUntil { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }
    public string? RevokedBy { get; private set; }

    /// <summary>
    /// Why the authorisation exists when the principal did not grant it on their proxies page: the request it was given on
    /// (<c>hall-agency:{id}</c>, an enterprise's request for free agency that the hall answered), with who granted it. Null
    /// for one the principal granted themselves.
    /// </summary>
    public string? Basis { get; private set; }
    public string? GrantedBy { get; private set; }

    public const int BasisMax = 200;

    public static ProxyAuthorisation Grant(Guid principal, Guid agent, IEnumerable<string> itemCodes, DateOnly validUntil, DateOnly today, DateTimeOffset at)
    {
        var errors = new List<DomainError>();
        if (agent == principal)
            errors.Add(new("proxy.self", "不能授权给自己", "You cannot authorise yourself", Field: "agent_id_number"));
        var items = itemCodes.Select(c => c.Trim()).Where(c => c.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (items.Count == 0)
            errors.Add(new("proxy.items", "请至少填写一个事项实施编码", "Name at least one service item (implementation code)", Field: "items"));
        else if (items.Count > MostItems)
            errors.Add(new("proxy.items_many", $"一次最多授权{MostItems}个事项", $"At most {MostItems} items in one authorisation", Field: "items"));
        foreach (var bad in items.Where(c => !IsItemCode(c)))
            errors.Add(new("proxy.item_code", $"事项实施编码格式不正确：{bad}（1至36位字母或数字）", $"Not an implementation code: {bad} (1 to 36 letters or digits)", Field: "items"));
        if (validUntil < today)
            errors.Add(new("proxy.until_past", "授权截止日期不能早于今天", "The end date cannot be in the past", Field: "valid_until"));
        else if (validUntil > today.AddDays(LongestDays))
            errors.Add(new("proxy.until_far", "授权期限最长一年", "An authorisation runs for one year at most", Field: "valid_until"));
        if (errors.Count > 0) throw new DomainException(errors);
        return new ProxyAuthorisation
        {
            Id = Guid.CreateVersion7(), PrincipalId = principal, AgentId = agent, ItemCodes = items, ValidUntil = validUntil, CreatedAt = at,
        };
    }

    /// <summary>
    /// Granted by staff on a principal's recorded request (the request is the basis, named in the row and the audit), with the
    /// same rules as the principal's own grant.
    /// </summary>
    public static ProxyAuthorisation GrantOnRequest(Guid principal, Guid agent, IEnumerable<string> itemCodes, DateOnly validUntil, DateOnly today,
        DateTimeOffset at, string basis, string grantedBy)
    {
        if (string.IsNullOrWhiteSpace(basis) || basis.Length > BasisMax || string.IsNullOrWhiteSpace(grantedBy))
            throw new ArgumentException("A grant on request names its basis and who granted it.", nameof(basis));
        var granted = Grant(principal, agent, itemCodes, validUntil, today, at);
        granted.Basis = basis;
        granted.GrantedBy = grantedBy.Length > 120 ? grantedBy[..120] : grantedBy;
        return granted;
    }

    /// <summary>The request it was granted on has ended (the principal closed it): revoked now, unless it was already.</summary>
    public bool EndWithRequest(string by, DateTimeOffset at)
    {
        if (RevokedAt is not null) return false;
        RevokedAt = at;
        RevokedBy = by;
        return true;
    }

    /// <summary>The principal withdraws the authorisation; revoking it again, or by anyone else, is refused.</summary>
    public void Revoke(Guid actor, string actorName, DateTimeOffset at)
    {
        if (actor != PrincipalId)
            throw new DomainException(new DomainError("proxy.not_principal", "只有委托人可以撤销授权", "Only the principal revokes an authorisation", ErrorKind.Forbidden));
        if (RevokedAt is not null)
            throw new DomainException(new DomainError("proxy.revoked_already", "该授权已撤销", "This authorisation is revoked already", ErrorKind.Conflict));
        RevokedAt = at;
        RevokedBy = actorName;
    }

    public ProxyStatus StatusOn(DateOnly today) =>
        RevokedAt is not null ? ProxyStatus.Revoked : ValidUntil < today ? ProxyStatus.Expired : ProxyStatus.InForce;

    public bool Allows(string itemCode, DateOnly today) => StatusOn(today) == ProxyStatus.InForce && ItemCodes.Contains(itemCode.Trim());

    /// <summary>Implementation codes are the provincial catalog's (opaque): only the shape is checked here; the applications module checks the item at use.</summary>
    public static bool IsItemCode(string code) => code.Length is > 0 and <= 36 && code.All(char.IsAsciiLetterOrDigit);
}
