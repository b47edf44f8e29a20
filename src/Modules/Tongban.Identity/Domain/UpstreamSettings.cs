using Tongban.Kernel.Errors;

namespace Tongban.Identity.Domain;

/// <summary>What a system administrator types for the upstream provider; a blank secret keeps the stored one.</summary>
internal sealed record UpstreamInput(bool Enabled, string? Issuer, string? ClientId, string? ClientSecret, IReadOnlyList<string> Scopes, IReadOnlyDictionary<string, int> LevelMap);

/// <summary>
/// The upstream OpenID Connect provider as a system administrator set it at run time (one row; ADR 0012). Until it
/// is first saved, configuration (<c>Identity:Federation</c>) is the upstream. The client secret is kept protected
/// with Data Protection, never in clear.
/// </summary>
internal sealed class UpstreamSettings
{
    public const int Row = 1;

    private UpstreamSettings() { }

    public int Id { get; private set; } = Row;
    public bool Enabled { get; private set; }
    public string Issuer { get; private set; } = "";
    public string ClientId { get; private set; } = "";
    public string? ProtectedClientSecret { get; private set; }
    public List<string> Scopes { get; private set; } = [];
    public Dictionary<string, int> LevelMap { get; private set; } = [];
    public string UpdatedBy { get; private set; } = "";
    public DateTimeOffset UpdatedAt { get; private set; }

    public static UpstreamSettings Create() => new();

    /// <summary>Checks and takes the input; <paramref name="protectedSecret"/> is the new secret protected, or null to keep the stored one.</summary>
    public void Change(UpstreamInput input, string? protectedSecret, bool loopbackHttpAllowed, string actor, DateTimeOffset at)
    {
        var issuer = CheckIssuer(input.Issuer, loopbackHttpAllowed);
        var clientId = input.ClientId?.Trim() ?? "";
        if (clientId.Length is 0 or > 200)
            throw new DomainException(new DomainError("federation.client_id", "请填写客户端标识", "Give the client id", Field: "client_id"));
        if (input.LevelMap.Any(p => p.Key.Length == 0 || p.Value is < 1 or > 3))
            throw new DomainException(new DomainError("federation.level_map", "实名等级对应须写成“上级值=1至3”，每行一个", "Write each level mapping as 'upstream value=1 to 3', one a line", Field: "level_map"));
        (Enabled, Issuer, ClientId) = (input.Enabled, issuer, clientId);
        ProtectedClientSecret = protectedSecret ?? ProtectedClientSecret;
        Scopes = [.. input.Scopes.Select(s => s.Trim()).Where(s => s.Length > 0).Distinct(StringComparer.Ordinal)];
        LevelMap = new Dictionary<string, int>(input.LevelMap, StringComparer.Ordinal);
        (UpdatedBy, UpdatedAt) = (actor, at);
    }

    /// <summary>An absolute https address; plain http only to this machine (loopback) and only in development.</summary>
    public static string CheckIssuer(string? issuer, bool loopbackHttpAllowed)
    {
        var text = issuer?.Trim() ?? "";
        var ok = Uri.TryCreate(text, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback && loopbackHttpAllowed))
            && string.IsNullOrEmpty(uri.Query) && string.IsNullOrEmpty(uri.Fragment);
        return ok ? text : throw new DomainException(new DomainError("federation.issuer", "上级平台地址须为 https 地址（开发环境下可用本机 http 地址）",
            "The upstream address must be an https URL (an http URL of this machine only in development)", Field: "issuer"));
    }
}
