namespace Tongban.Web.Hosting;

/// <summary>So many requests per window (a fixed window: the count starts again when it ends).</summary>
public sealed class RateLimit
{
    public int Permits { get; set; }

    public TimeSpan Window { get; set; }

    public static RateLimit Of(int permits, TimeSpan window) => new() { Permits = permits, Window = window };
}

/// <summary>
/// Section <c>RateLimits</c> (docs/operations.md): how often one client address, one account, one phone number or one
/// client may knock. The defaults are for production; each instance counts on its own.
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>Off only for load tests (bench/README.md).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Sign-in attempts (password, SMS code, authenticator code) from one address.</summary>
    public RateLimit SignInPerAddress { get; set; } = RateLimit.Of(30, TimeSpan.FromMinutes(1));

    /// <summary>Sign-in attempts for one login (ID number or phone), besides the lock after ten failures.</summary>
    public RateLimit SignInPerAccount { get; set; } = RateLimit.Of(10, TimeSpan.FromMinutes(5));

    /// <summary>SMS codes asked for from one address (sign-in and password reset).</summary>
    public RateLimit SmsPerAddress { get; set; } = RateLimit.Of(20, TimeSpan.FromHours(1));

    public RateLimit SmsPerPhoneHour { get; set; } = RateLimit.Of(5, TimeSpan.FromHours(1));

    public RateLimit SmsPerPhoneDay { get; set; } = RateLimit.Of(10, TimeSpan.FromDays(1));

    /// <summary>Registrations (the page and the API) from one address.</summary>
    public RateLimit RegistrationPerAddress { get; set; } = RateLimit.Of(10, TimeSpan.FromHours(1));

    /// <summary>Password-reset steps from one address, and for one phone number.</summary>
    public RateLimit PasswordResetPerAddress { get; set; } = RateLimit.Of(20, TimeSpan.FromHours(1));

    public RateLimit PasswordResetPerAccount { get; set; } = RateLimit.Of(10, TimeSpan.FromHours(1));

    /// <summary>
    /// Token requests from one address, and for one client id: the platform's (<c>/connect/token</c>) and, counted on their
    /// own, an exchange node's (<c>/node/token</c>, its department systems' client credentials).
    /// </summary>
    public RateLimit TokenPerAddress { get; set; } = RateLimit.Of(600, TimeSpan.FromMinutes(1));

    public RateLimit TokenPerClient { get; set; } = RateLimit.Of(600, TimeSpan.FromMinutes(1));

    /// <summary>Exchange look-ups from one address, and with one access token.</summary>
    public RateLimit ExchangePerAddress { get; set; } = RateLimit.Of(1000, TimeSpan.FromSeconds(1));

    public RateLimit ExchangePerToken { get; set; } = RateLimit.Of(500, TimeSpan.FromSeconds(1));

    /// <summary>
    /// Hall tickets taken from one address (the kiosk page and the API). A hall's kiosks usually share one address,
    /// so the default is a busy hall's peak with room to spare, not one person's.
    /// </summary>
    public RateLimit TicketsPerAddress { get; set; } = RateLimit.Of(120, TimeSpan.FromMinutes(1));

    /// <summary>
    /// Appointments booked, moved, cancelled or checked in from one address (the pages and the API): enough for a family
    /// or a station's agent, too few to hoard a hall's slots or to guess codes at a kiosk.
    /// </summary>
    public RateLimit AppointmentsPerAddress { get; set; } = RateLimit.Of(30, TimeSpan.FromMinutes(1));

    /// <summary>Window ratings from one address (the rating tablets and the API); the tablets of a hall share one too.</summary>
    public RateLimit HallRatingsPerAddress { get; set; } = RateLimit.Of(60, TimeSpan.FromMinutes(1));

    /// <summary>
    /// Requests to the province's federation endpoints from one address. They are open to anyone, because a city is
    /// known by its signature, and every refusal is recorded; the limit keeps strangers from filling the records. A
    /// city pushes batches, a few requests a second at its busiest.
    /// </summary>
    public RateLimit FederationPerAddress { get; set; } = RateLimit.Of(600, TimeSpan.FromMinutes(1));

    /// <summary>
    /// Configuration fetches (with a node's report) and log stamps from one address. Open to anyone, like the configuration
    /// itself; a node fetches once a minute and on each revocation notice, asks for a stamp every ten minutes, and a
    /// member's nodes may share an address.
    /// </summary>
    public RateLimit NodesPerAddress { get; set; } = RateLimit.Of(120, TimeSpan.FromMinutes(1));
}
