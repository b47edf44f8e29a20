using Tongban.Kernel.Data;
using Tongban.Kernel.Errors;

namespace Tongban.Licenses.Domain;

internal readonly record struct LicenseId(Guid Value) : IEntityId<LicenseId>
{
    public static LicenseId New() => new(Guid.CreateVersion7());
    public static LicenseId From(Guid value) => new(value);
}

/// <summary>The seal on a license: the signed bytes (RFC 8785 canonical JSON of its <see cref="LicenseFace"/>), the signature and the key that made it.</summary>
internal sealed record Seal(string SignedJson, byte[] Signature, string KeyId);

/// <summary>
/// An electronic license (电子证照): its face (what was signed), its seal and its status. The status changes only
/// through these methods, each by a license administrator of the issuing authority with a reason, and each
/// recorded; a renewal or change is a new version linked to this one, which becomes replaced.
/// </summary>
internal sealed partial class License
{
    private License() { }

    public LicenseId Id { get; private set; }
    public string Identifier { get; private set; } = "";
    public string TypeCode { get; private set; } = "";
    public int TypeVersion { get; private set; }
    public string Serial { get; private set; } = "";
    public int Version { get; private set; }
    public string IssuerCode { get; private set; } = "";
    public HolderKind HolderKind { get; private set; }
    public string HolderCode { get; private set; } = "";
    public string HolderName { get; private set; } = "";
    public string Number { get; private set; } = "";
    public DateOnly IssuedOn { get; private set; }
    public DateOnly? ValidUntil { get; private set; }
    public LicenseStatus Status { get; private set; }
    public LicenseSource Source { get; private set; }

    /// <summary>What made it, unique per source: the case id, the import line, the renewed license; null when issued by hand.</summary>
    public string? SourceKey { get; private set; }
    public LicenseId? PreviousId { get; private set; }
    public LicenseId? NextId { get; private set; }
    public string SignedJson { get; private set; } = "";
    public byte[] Signature { get; private set; } = [];
    public string KeyId { get; private set; } = "";

    /// <summary>This license's place in its issuer's Bitstring Status Lists (revocation and suspension).</summary>
    public int StatusIndex { get; private set; }
    public List<StatusChange> History { get; private set; } = [];
    public string IssuedBy { get; private set; } = "";
    public DateTimeOffset IssuedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public Holder Holder => new(HolderKind, HolderCode, HolderName);

    /// <summary>The status a reader sees on <paramref name="today"/>: a valid license past its end date is expired (05).</summary>
    public LicenseStatus StatusOn(DateOnly today) => StatusOn(Status, ValidUntil, today);

    /// <summary>A stored status as it stands today: a valid license past its end date is expired.</summary>
    public static LicenseStatus StatusOn(LicenseStatus status, DateOnly? validUntil, DateOnly today) =>
        status == LicenseStatus.Valid && validUntil < today ? LicenseStatus.Expired : status;

    public static License Issue(LicenseFace face, int typeVersion, Seal seal, LicenseSource source, string? sourceKey, int statusIndex,
        LicenseOfficer officer, DateTimeOffset at, LicenseId? previous = null)
    {
        var id = LicenseIdentifier.Parse(face.Identifier);
        return new License
        {
            Id = LicenseId.New(), Identifier = face.Identifier, TypeCode = id.TypeCode, TypeVersion = typeVersion, Serial = id.Serial, Version = id.Version,
            IssuerCode = id.IssuerCode, HolderKind = face.Holder.Kind, HolderCode = face.Holder.Code, HolderName = face.Holder.Name,
            Number = face.Number, IssuedOn = face.IssuedOn, ValidUntil = face.ValidUntil, Status = LicenseStatus.Valid, Source = source,
            SourceKey = sourceKey, PreviousId = previous, SignedJson = seal.SignedJson, Signature = seal.Signature, KeyId = seal.KeyId,
            StatusIndex = statusIndex, IssuedBy = officer.Actor, IssuedAt = at, UpdatedAt = at,
        };
    }

    /// <summary>Suspends, restores, revokes, cancels or revokes as a penalty, with the reason; refused for another authority.</summary>
    public StatusChange Change(LicenseStatus to, string reason, LicenseOfficer officer, DateOnly today, DateTimeOffset at)
    {
        RequireIssuer(officer);
        var why = Reason(reason);
        var from = StatusOn(today);
        var allowed = to switch
        {
            LicenseStatus.Suspended => from == LicenseStatus.Valid,
            LicenseStatus.Valid => from == LicenseStatus.Suspended,
            LicenseStatus.Revoked or LicenseStatus.Cancelled or LicenseStatus.RevokedAsPenalty => !LicenseStatusText.IsFinal(Status),
            _ => false,
        };
        if (!allowed)
        {
            var (fz, fe) = LicenseStatusText.Label(from);
            var (tz, te) = LicenseStatusText.Label(to);
            throw new DomainException(new DomainError("license.status_change", $"证照当前为“{fz}”，不能改为“{tz}”", $"The license is {fe}; it cannot become {te}", ErrorKind.Conflict));
        }
        return Record(to, why, officer.Actor, at);
    }

    /// <summary>Renewal (延续) or change (变更): this version is replaced by <paramref name="next"/>, made by the caller from it.</summary>
    public void ReplaceWith(License next, string reason, LicenseOfficer officer, DateTimeOffset at)
    {
        RequireIssuer(officer);
        var why = Reason(reason);
        if (LicenseStatusText.IsFinal(Status))
        {
            var (z, e) = LicenseStatusText.Label(Status);
            throw new DomainException(new DomainError("license.renewal_not_allowed", $"证照已{z}，不能延续或变更", $"The license is {e}; it cannot be renewed or changed", ErrorKind.Conflict));
        }
        NextId = next.Id;
        Record(LicenseStatus.Replaced, why, officer.Actor, at);
    }

    public void RequireIssuer(LicenseOfficer officer)
    {
        if (!string.Equals(officer.Authority, IssuerCode, StringComparison.Ordinal))
            throw new DomainException(new DomainError("license.other_authority", "只有颁发机构的证照管理员可以变更该证照",
                "Only a license administrator of the issuing authority may change this license", ErrorKind.Forbidden));
    }

    private StatusChange Record(LicenseStatus to, string reason, string actor, DateTimeOffset at)
    {
        var change = new StatusChange(at, actor, Status, to, reason);
        History = [.. History, change];
        (Status, UpdatedAt) = (to, at);
        return change;
    }

    private static string Reason(string? reason) => string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > 500
        ? throw new DomainException(new DomainError("license.reason_required", "请填写原因（不超过500字）", "Give the reason (500 characters at most)", Field: "reason"))
        : reason.Trim();
}
