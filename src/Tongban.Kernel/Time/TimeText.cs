using System.Globalization;
using Tongban.Kernel.Localization;

namespace Tongban.Kernel.Time;

/// <summary>
/// How dates and local times read in each language: Chinese as 2026-03-03 and 2026-03-03 07:30, English as 3 Mar 2026 and
/// 3 Mar 2026 07:30 (a day-month order no reader mistakes). Instants go through <see cref="RegionClock.Show(DateTimeOffset)"/>
/// first, so a time shown is always the region's; a date has no zone.
/// </summary>
public static class TimeText
{
    public static string Date(DateOnly date) => Date(date, Text.IsEnglish);

    /// <summary>A date in the language asked for, whatever the current one (a message rendered in both at once).</summary>
    public static string Date(DateOnly date, bool english) =>
        date.ToString(english ? "d MMM yyyy" : "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Date(DateOnly? date) => date is { } d ? Date(d) : "";

    /// <summary>A local date and time (already in the region's zone).</summary>
    public static string DateTime(DateTimeOffset local) =>
        local.ToString(Text.IsEnglish ? "d MMM yyyy HH:mm" : "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
