namespace Tongban.Identity.Domain;

/// <summary>
/// One signed-in browser. The cookie carries the session id; each request checks (through a short cache) that the
/// session is still open and not idle longer than its limit, so "sign out everywhere" ends old cookies too.
/// </summary>
internal sealed class SignInSession
{
    private SignInSession() { }

    public Guid Id { get; private set; }
    public Guid AccountId { get; private set; }
    public string UserAgent { get; private set; } = "";
    public DateTimeOffset StartedAt { get; private set; }

    /// <summary>When the person last proved who they are in this session: the sign-in, or a later re-authentication (OpenID Connect's <c>auth_time</c>).</summary>
    public DateTimeOffset AuthenticatedAt { get; private set; }
    public DateTimeOffset LastSeenAt { get; private set; }
    public TimeSpan IdleTimeout { get; private set; }
    public DateTimeOffset? EndedAt { get; private set; }

    /// <summary>The browser's device cookie, hashed (null for sessions begun before it was kept).</summary>
    public string? Device { get; private set; }

    /// <summary>The client's network (IPv4 /24, IPv6 /48), not its full address.</summary>
    public string? Network { get; private set; }

    public static SignInSession Start(Guid account, string? userAgent, TimeSpan idleTimeout, DateTimeOffset at, string? device = null, string? network = null) => new()
    {
        Id = Guid.CreateVersion7(), AccountId = account, UserAgent = (userAgent ?? "").Length > 200 ? userAgent![..200] : userAgent ?? "",
        StartedAt = at, AuthenticatedAt = at, LastSeenAt = at, IdleTimeout = idleTimeout, Device = device, Network = network,
    };

    /// <summary>The person gave their password (or authenticator code) again.</summary>
    public void Reauthenticated(DateTimeOffset at)
    {
        AuthenticatedAt = at;
        LastSeenAt = at;
    }

    /// <summary>Whether the last authentication is recent enough for a sensitive change (<paramref name="window"/>, e.g. 5 minutes).</summary>
    public bool AuthenticatedWithin(TimeSpan window, DateTimeOffset now) => now - AuthenticatedAt <= window;

    public bool IsOpen(DateTimeOffset now) => EndedAt is null && now - LastSeenAt <= IdleTimeout;

    public void Touch(DateTimeOffset now) => LastSeenAt = now;

    public void End(DateTimeOffset now) => EndedAt ??= now;
}
