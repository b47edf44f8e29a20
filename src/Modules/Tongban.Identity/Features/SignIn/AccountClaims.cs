namespace Tongban.Identity.Features.SignIn;

/// <summary>Claims of a signed-in account's cookie, besides NameIdentifier (the account id), Name, Role and the staff scope (<see cref="Tongban.Kernel.Security.StaffClaims"/>).</summary>
internal static class AccountClaims
{
    public const string Session = "tongban:sid";
    public const string Kind = "tongban:kind";
    public const string Level = "tongban:level";

    /// <summary>A staff member who signed in with a password but has no authenticator yet: may only enrol.</summary>
    public const string EnrolTotp = "tongban:enrol_totp";
}
