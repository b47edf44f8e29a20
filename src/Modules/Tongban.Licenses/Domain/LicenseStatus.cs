namespace Tongban.Licenses.Domain;

/// <summary>
/// 证照状态. No national list exists (domain facts); these are the codes one ministry uses, which the library keeps:
/// 01 有效, 02 暂扣, 03 撤销, 04 注销, 05 过期失效 (never stored: computed from the end date), 07 吊销; and 99 其他 for a
/// version replaced by a renewal or change (已换发).
/// </summary>
internal enum LicenseStatus
{
    Valid = 1,
    Suspended = 2,
    Revoked = 3,
    Cancelled = 4,
    Expired = 5,
    RevokedAsPenalty = 7,
    Replaced = 99,
}

internal static class LicenseStatusText
{
    public static string Code(LicenseStatus status) => ((int)status).ToString("D2", System.Globalization.CultureInfo.InvariantCulture);

    public static (string Zh, string En) Label(LicenseStatus status) => status switch
    {
        LicenseStatus.Valid => ("有效", "valid"),
        LicenseStatus.Suspended => ("暂扣", "suspended"),
        LicenseStatus.Revoked => ("撤销", "revoked"),
        LicenseStatus.Cancelled => ("注销", "cancelled"),
        LicenseStatus.Expired => ("过期失效", "expired"),
        LicenseStatus.RevokedAsPenalty => ("吊销", "revoked as a penalty"),
        _ => ("已换发（由新版本取代）", "replaced by a newer version"),
    };

    /// <summary>Whether the license can no longer come back to valid (the Bitstring Status List's revocation bit).</summary>
    public static bool IsFinal(LicenseStatus status) => status is LicenseStatus.Revoked or LicenseStatus.Cancelled or LicenseStatus.RevokedAsPenalty or LicenseStatus.Replaced;

    /// <summary>The changes a person can make, by the name the API and the page use.</summary>
    public static readonly IReadOnlyDictionary<string, LicenseStatus> Changes = new Dictionary<string, LicenseStatus>(StringComparer.Ordinal)
    {
        ["suspend"] = LicenseStatus.Suspended,
        ["restore"] = LicenseStatus.Valid,
        ["revoke"] = LicenseStatus.Revoked,
        ["cancel"] = LicenseStatus.Cancelled,
        ["revoke-as-penalty"] = LicenseStatus.RevokedAsPenalty,
    };
}

/// <summary>One change of a license's status: who, when, from what to what, and why.</summary>
internal sealed record StatusChange(DateTimeOffset At, string Actor, LicenseStatus From, LicenseStatus To, string Reason);

/// <summary>How a license came to be.</summary>
internal enum LicenseSource
{
    /// <summary>From an approved, concluded case.</summary>
    Case = 1,

    /// <summary>Issued by hand by a license administrator of the issuing authority.</summary>
    Hand = 2,

    /// <summary>A historical record imported into the library.</summary>
    Import = 3,

    /// <summary>A renewal or change of an earlier version.</summary>
    Renewal = 4,
}

/// <summary>Who holds a license: a person (holder code type 111, the ID number) or a legal person (001, the credit code).</summary>
internal sealed record Holder(HolderKind Kind, string Code, string Name)
{
    public string CodeType => Kind == HolderKind.Person ? "111" : "001";

    /// <summary>The code as anyone but the holder sees it: an ID number masked (first 6, last 4), a credit code whole (it is public).</summary>
    public string MaskedCode => Kind == HolderKind.Person ? Kernel.Identifiers.ResidentIdNumber.Mask(Code) : Code;

    /// <summary>The name masked for the public: the family name and one star per other character (张**).</summary>
    public string MaskedName => Kind == HolderKind.Person && Name.Length > 1 ? Kernel.PersonalData.PersonNames.Mask(Name) : Name;
}

/// <summary>A license administrator acting for an issuing authority (their department), or the system issuing from a case.</summary>
internal sealed record LicenseOfficer(string Actor, string? Authority)
{
    public static LicenseOfficer System(string authority) => new(Kernel.Security.Actor.System, authority);
}
