using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Tongban.Identity.Features.OpenIdConnect;

/// <summary>The scopes a client may ask for, the claims each gives, and how the consent page says it in plain words.</summary>
internal static class OidcScopes
{
    /// <summary>The ID number (resident ID number) of the person; only for clients an administrator allowed it.</summary>
    public const string IdNumber = "id_number";

    /// <summary>Claim names beyond the standard ones.</summary>
    public const string RealNameLevelClaim = "real_name_level";
    public const string IdNumberClaim = "id_number";

    public static readonly IReadOnlyList<(string Scope, string Chinese, string English)> All =
    [
        (Scopes.OpenId, "您在通办的账号标识（不含身份证号码）", "Your account identifier at Tongban (not your ID number)"),
        (Scopes.Profile, "您的姓名和实名认证等级", "Your name and your real-name level"),
        (IdNumber, "您的身份证号码", "Your ID number"),
        (Scopes.OfflineAccess, "在您离开后继续保持登录（可随时撤销）", "Staying signed in after you leave (you can revoke it any time)"),
    ];

    public static string[] Registered => All.Select(s => s.Scope).ToArray();
}
