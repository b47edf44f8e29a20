namespace Tongban.Identity.Features.SignIn;

/// <summary>Claims of a signed-in account's cookie, besides NameIdentifier (the account id), Name and Role.</summary>
internal static class AccountClaims
{
    public const string Session = "tongban:sid";
    public const string Kind = "tongban:kind";
    public const string Level = "tongban:level";

    /// <summary>Staff: one claim per division code in scope (none: the whole region), and the department or station.</summary>
    public const string Division = "tongban:division";
    public const string Department = "tongban:department";
    public const string Station = "tongban:station";

    /// <summary>A staff member who signed in with a password but has no authenticator yet: may only enrol.</summary>
    public const string EnrolTotp = "tongban:enrol_totp";
}
