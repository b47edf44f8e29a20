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
    public DateTimeOffset LastSeenAt { get; private set; }
    public TimeSpan IdleTimeout { get; private set; }
    public DateTimeOffset? EndedAt { get; private set; }

    public static SignInSession Start(Guid account, string? userAgent, TimeSpan idleTimeout, DateTimeOffset at) => new()
    {
        Id = Guid.CreateVersion7(), AccountId = account, UserAgent = (userAgent ?? "").Length > 200 ? userAgent![..200] : userAgent ?? "",
        StartedAt = at, LastSeenAt = at, IdleTimeout = idleTimeout,
    };

    public bool IsOpen(DateTimeOffset now) => EndedAt is null && now - LastSeenAt <= IdleTimeout;

    public void Touch(DateTimeOffset now) => LastSeenAt = now;

    public void End(DateTimeOffset now) => EndedAt ??= now;
}
