using Tongban.Identity.Passwords;

namespace Tongban.Identity;

/// <summary>Section <c>Identity</c>.</summary>
internal sealed class IdentityModuleOptions
{
    public const string Section = "Identity";

    /// <summary>The Argon2id cost of new hashes; hashes with a lower cost are upgraded at sign-in.</summary>
    public Argon2Cost PasswordCost { get; set; } = Argon2Cost.Owasp;

    /// <summary>A staff session ends after this long without a request.</summary>
    public TimeSpan StaffIdleTimeout { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>A citizen session ends after this long without a request.</summary>
    public TimeSpan CitizenIdleTimeout { get; set; } = TimeSpan.FromHours(2);

    /// <summary>How recent the last sign-in or confirmation must be to change a password, phone, e-mail address or recovery codes.</summary>
    public TimeSpan ReauthenticationWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Whether /dev/sms and the development SMS sender are on (follows Authentication:DevelopmentSignIn).</summary>
    public bool DevelopmentSignIn { get; set; }
}
