using Tongban.Kernel.Errors;

namespace Tongban.Sharing.Domain;

/// <summary>Why a department has no grant it can use for a resource.</summary>
internal enum GrantState
{
    Active,
    NoGrant,
    NotYetValid,
    Expired,
    Revoked,
}

/// <summary>
/// A consumer department's right to a resource's named items, for a purpose, from one date until another
/// (both inclusive, in the region's dates). Revoking it ends it at once, with a reason.
/// </summary>
internal sealed class Grant
{
    private Grant() { }

    public GrantId Id { get; private set; }
    public RequestId RequestId { get; private set; }
    public string ConsumerCreditCode { get; private set; } = "";
    public string ResourceCode { get; private set; } = "";
    public string ProviderCreditCode { get; private set; } = "";
    public List<string> Fields { get; private set; } = [];
    public string Purpose { get; private set; } = "";
    public DateOnly ValidFrom { get; private set; }
    public DateOnly ValidUntil { get; private set; }
    public string GrantedBy { get; private set; } = "";
    public DateTimeOffset GrantedAt { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }
    public string? RevokedBy { get; private set; }
    public string? RevokeReason { get; private set; }

    internal static Grant For(AccessRequest request, string actor, DateTimeOffset at) => new()
    {
        Id = GrantId.New(), RequestId = request.Id, ConsumerCreditCode = request.ConsumerCreditCode, ResourceCode = request.ResourceCode,
        ProviderCreditCode = request.ProviderCreditCode, Fields = [.. request.Fields], Purpose = request.Purpose,
        ValidFrom = request.ValidFrom, ValidUntil = request.ValidUntil, GrantedBy = actor, GrantedAt = at,
    };

    public GrantState StateOn(DateOnly today) => StateOf(RevokedAt, ValidFrom, ValidUntil, today);

    public static GrantState StateOf(DateTimeOffset? revokedAt, DateOnly from, DateOnly until, DateOnly today) =>
        revokedAt is not null ? GrantState.Revoked
        : today > until ? GrantState.Expired
        : today < from ? GrantState.NotYetValid
        : GrantState.Active;

    public void Revoke(string reason, string actor, DateTimeOffset at)
    {
        if (string.IsNullOrWhiteSpace(reason))
            throw new DomainException(new DomainError("grant.reason_required", "收回授权时必须说明原因", "Revoking a grant needs a reason", Field: "reason"));
        if (RevokedAt is not null)
            throw new DomainException(new DomainError("grant.revoked", "该授权已被收回", "The grant has already been revoked", ErrorKind.Conflict));
        (RevokedAt, RevokedBy, RevokeReason) = (at, actor, reason.Trim());
    }
}
