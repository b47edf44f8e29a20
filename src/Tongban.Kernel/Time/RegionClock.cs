using Microsoft.Extensions.Options;

namespace Tongban.Kernel.Time;

/// <summary>
/// Local date and time in the region's time zone; instants are stored as UTC everywhere else. <see cref="Show(DateTimeOffset)"/>
/// is the one way an instant reaches a reader: in the region's zone (<c>Region:TimeZone</c>), whatever zone the server runs in,
/// formatted for the reader's language. The API keeps instants as ISO 8601 with their offset.
/// </summary>
public sealed class RegionClock(TimeProvider clock, IOptions<RegionOptions> options)
{
    private readonly TimeZoneInfo _zone = TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone);

    public DateTimeOffset UtcNow => clock.GetUtcNow();

    public DateTimeOffset LocalNow => TimeZoneInfo.ConvertTime(clock.GetUtcNow(), _zone);

    public DateOnly Today => DateOnly.FromDateTime(LocalNow.DateTime);

    /// <summary>The region's calendar date at an instant.</summary>
    public DateOnly DateAt(DateTimeOffset instant) => DateOnly.FromDateTime(Local(instant).DateTime);

    /// <summary>The instant at which the region's clocks show this date and time (a hall's session, an appointment slot).</summary>
    public DateTimeOffset At(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time);
        return new DateTimeOffset(local, _zone.GetUtcOffset(local)).ToUniversalTime();
    }

    /// <summary>The instant as the region's clocks show it, with the region's offset.</summary>
    public DateTimeOffset Local(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, _zone);

    /// <summary>Date and time of an instant in the region, for a reader (e.g. 2026-03-03 07:30, or 3 Mar 2026 07:30).</summary>
    public string Show(DateTimeOffset instant) => TimeText.DateTime(Local(instant));

    /// <summary>As <see cref="Show(DateTimeOffset)"/>; empty for no instant.</summary>
    public string Show(DateTimeOffset? instant) => instant is { } i ? Show(i) : "";

    /// <summary>The region's date of an instant, for a reader (a rating day, a draft's day).</summary>
    public string ShowDate(DateTimeOffset instant) => TimeText.Date(DateAt(instant));

    /// <summary>The value of a <c>&lt;time datetime&gt;</c> attribute: ISO 8601 with the region's offset.</summary>
    public string Machine(DateTimeOffset instant) => Local(instant).ToString("yyyy-MM-ddTHH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture);
}
