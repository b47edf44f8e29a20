namespace Tongban.Halls;

/// <summary>Section <c>Halls</c>.</summary>
internal sealed class HallsOptions
{
    public const string Section = "Halls";

    /// <summary>
    /// How often a calling screen's event stream looks at the database without being woken: the longest a call made on
    /// another instance (several web instances on PostgreSQL) takes to reach a screen. 5 seconds by default.
    /// </summary>
    public TimeSpan ScreenPoll { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a rating tablet's pairing code, given to the window's clerk, may be typed on the tablet. 10 minutes by default.</summary>
    public TimeSpan PairingCodeLifetime { get; set; } = TimeSpan.FromMinutes(10);
}
