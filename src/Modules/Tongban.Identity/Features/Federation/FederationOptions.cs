using Tongban.Identity.Domain;

namespace Tongban.Identity.Features.Federation;

/// <summary>
/// Section <c>Identity:Federation</c>: the upstream OpenID Connect provider (the provincial or national platform).
/// Read from configuration at start-up (ADR 0012); the administrator's page shows it read-only.
/// </summary>
internal sealed class FederationOptions
{
    public const string Section = "Identity:Federation";

    /// <summary>The scheme of the upstream sign-in, and the path it returns to.</summary>
    public const string Scheme = "upstream";
    public const string CallbackPath = "/account/federation/callback";

    public bool Enabled { get; set; }

    /// <summary>The upstream's issuer; its discovery document is read from <c>{Issuer}/.well-known/openid-configuration</c>.</summary>
    public string? Issuer { get; set; }
    public string? ClientId { get; set; }
    public string? ClientSecret { get; set; }

    /// <summary>Scopes asked for besides <c>openid</c>.</summary>
    public List<string> Scopes { get; set; } = [];

    /// <summary>The userinfo (or ID token) claim that carries the resident ID number.</summary>
    public string IdNumberClaim { get; set; } = "id_number";

    /// <summary>The claim that carries the upstream's real-name level.</summary>
    public string LevelClaim { get; set; } = "real_name_level";

    /// <summary>Upstream level values to ours (1–3); a value not listed counts as L1.</summary>
    public Dictionary<string, int> LevelMap { get; set; } = new(StringComparer.Ordinal) { ["1"] = 1, ["2"] = 2, ["3"] = 3 };

    /// <summary>Plain HTTP to the upstream's metadata; honoured only while Authentication:DevelopmentSignIn is on.</summary>
    public bool AllowHttpMetadata { get; set; }

    /// <summary>Whether an upstream is configured at all (its scheme exists).</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(Issuer) && !string.IsNullOrWhiteSpace(ClientId);

    public RealNameLevel MapLevel(string? upstream) =>
        upstream is not null && LevelMap.TryGetValue(upstream.Trim(), out var level) && level is >= 1 and <= 3
            ? (RealNameLevel)level
            : RealNameLevel.SelfRegistered;
}
