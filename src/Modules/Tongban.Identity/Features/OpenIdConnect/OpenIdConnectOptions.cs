namespace Tongban.Identity.Features.OpenIdConnect;

/// <summary>Section <c>Identity:OpenIdConnect</c>: the provider's token lifetimes and key rotation (ADR 0011).</summary>
internal sealed class OpenIdConnectOptions
{
    public const string Section = "Identity:OpenIdConnect";

    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(30);
    public TimeSpan IdentityTokenLifetime { get; set; } = TimeSpan.FromMinutes(10);
    public TimeSpan AuthorizationCodeLifetime { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>A refresh token unused this long expires; each use gives a new one (rolling).</summary>
    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(14);

    /// <summary>
    /// Whether plain refresh grants take the lean path (<see cref="RefreshGrants"/>) instead of OpenIddict's pipeline. On by
    /// default; turning it off changes nothing a client sees, only what a grant costs.
    /// </summary>
    public bool LeanRefreshGrants { get; set; } = true;

    /// <summary>A signing or encryption key older than this is replaced at the next start.</summary>
    public TimeSpan KeyRotation { get; set; } = TimeSpan.FromDays(90);

    /// <summary>How long a replaced key (beyond the previous one) stays published and usable: longer than a refresh token lives.</summary>
    public TimeSpan KeyRetention { get; set; } = TimeSpan.FromDays(30);
}
