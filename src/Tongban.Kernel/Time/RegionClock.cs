using Microsoft.Extensions.Options;

namespace Tongban.Kernel.Time;

/// <summary>Local date and time in the region's time zone; instants are stored as UTC everywhere else.</summary>
public sealed class RegionClock(TimeProvider clock, IOptions<RegionOptions> options)
{
    private readonly TimeZoneInfo _zone = TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone);

    public DateTimeOffset UtcNow => clock.GetUtcNow();

    public DateTimeOffset LocalNow => TimeZoneInfo.ConvertTime(clock.GetUtcNow(), _zone);

    public DateOnly Today => DateOnly.FromDateTime(LocalNow.DateTime);

    /// <summary>The region's calendar date at an instant.</summary>
    public DateOnly DateAt(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, _zone).DateTime);
}
