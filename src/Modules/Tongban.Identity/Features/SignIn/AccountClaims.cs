namespace Tongban.Identity.Features.SignIn;

/// <summary>Claims of a signed-in account's cookie, besides NameIdentifier (the account id), Name, Role and the staff scope (<see cref="Tongban.Kernel.Security.StaffClaims"/>).</summary>
internal static class AccountClaims
{
    public const string Session = "tongban:sid";
    public const string Kind = "tongban:kind";
    public const string Level = "tongban:level";

    /// <summary>A staff member who signed in with a password but has no authenticator yet: may only enrol.</summary>
    public const string EnrolTotp = "tongban:enrol_totp";

    /// <summary>An account whose password was chosen by someone else (the first administrator's): may only change it.</summary>
    public const string ChangePassword = "tongban:change_password";

    /// <summary>Whether the cookie is limited to the security page (<see cref="EnrolTotp"/> or <see cref="ChangePassword"/>).</summary>
    public static bool IsLimited(System.Security.Claims.ClaimsPrincipal user) => user.HasClaim(EnrolTotp, "true") || user.HasClaim(ChangePassword, "true");
}
