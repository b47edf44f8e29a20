namespace Tongban.Statistics;

/// <summary>Section <c>Statistics</c>.</summary>
internal sealed class StatisticsOptions
{
    public const string Section = "Statistics";

    /// <summary>
    /// The day of the month from which the last ended month's public performance figures are published on their own when
    /// nobody has published them yet (by the system, as <c>tongban statistics publish</c> would); 0 turns it off. Late
    /// events still arrive in the first days, hence not the 1st; publishing again by hand replaces the snapshot.
    /// </summary>
    public int PublishOnDay { get; set; } = 5;

    /// <summary>How often the publisher looks.</summary>
    public TimeSpan PublishCheckInterval { get; set; } = TimeSpan.FromHours(1);
}
