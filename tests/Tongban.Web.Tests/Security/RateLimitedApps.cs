namespace Tongban.Web.Tests.Security;

/// <summary>
/// Two hosts with the rate limits on and made small (each rule trips after two or three requests, in hour-long
/// windows), SQLite: the limiter counts in memory, whatever the database. Tests speak from addresses of their own.
/// </summary>
public sealed class RateLimitedApps : IAsyncDisposable
{
    private readonly Lazy<Task<TongbanApp>> _small = new(() => StartAsync(
        ("SignInPerAddress", 3), ("SignInPerAccount", 3), ("SmsPerAddress", 3), ("SmsPerPhoneHour", 2), ("SmsPerPhoneDay", 100),
        ("RegistrationPerAddress", 2), ("PasswordResetPerAddress", 3), ("PasswordResetPerAccount", 2),
        ("TokenPerAddress", 3), ("TokenPerClient", 2), ("ExchangePerAddress", 3), ("ExchangePerToken", 2),
        ("TicketsPerAddress", 3), ("HallRatingsPerAddress", 2), ("AppointmentsPerAddress", 2), ("FederationPerAddress", 2), ("NodesPerAddress", 2)));

    private readonly Lazy<Task<TongbanApp>> _daily = new(() => StartAsync(("SmsPerPhoneHour", 100), ("SmsPerPhoneDay", 2)));

    /// <summary>Every limit small.</summary>
    public Task<TongbanApp> Small => _small.Value;

    /// <summary>Only the daily SMS limit per phone small, so it is the one that trips.</summary>
    public Task<TongbanApp> Daily => _daily.Value;

    private static async Task<TongbanApp> StartAsync(params (string Rule, int Permits)[] limits)
    {
        var settings = new Dictionary<string, string?> { ["RateLimits:Enabled"] = "true" };
        foreach (var (rule, permits) in limits)
        {
            settings[$"RateLimits:{rule}:Permits"] = permits.ToString(System.Globalization.CultureInfo.InvariantCulture);
            settings[$"RateLimits:{rule}:Window"] = rule.EndsWith("Day", StringComparison.Ordinal) ? "1.00:00:00" : "01:00:00";
        }
        var app = new TongbanApp(await TestDatabase.CreateAsync(DatabaseLane.Sqlite), settings, ClientAddresses.Use);
        _ = app.Server;
        return app;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var app in new[] { _small, _daily }.Where(a => a.IsValueCreated))
        {
            var started = await app.Value;
            await started.DisposeAsync();
            await started.Database.DisposeAsync();
        }
    }
}
