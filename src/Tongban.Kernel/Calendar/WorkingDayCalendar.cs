using System.Collections.Frozen;

namespace Tongban.Kernel.Calendar;

/// <summary>
/// Working days: Monday to Friday, minus statutory holidays, plus adjusted working weekend days.
/// Immutable; <see cref="CalendarStore"/> hands out a fresh one when an administrator edits the data.
/// </summary>
public sealed class WorkingDayCalendar
{
    private readonly FrozenDictionary<DateOnly, CalendarDayKind> _exceptions;
    private readonly FrozenSet<int> _years;

    // For counting without walking the days: the exceptions that change a weekday's or a weekend day's standing, by day
    // number, and the running sum of what each changes (+1 a make-up weekend day, −1 a holiday on a weekday).
    private readonly int[] _changedDays;
    private readonly int[] _changeBefore;

    public WorkingDayCalendar(IEnumerable<(DateOnly Date, CalendarDayKind Kind)> exceptions)
    {
        _exceptions = exceptions.ToFrozenDictionary(e => e.Date, e => e.Kind);
        _years = _exceptions.Keys.Select(d => d.Year).ToFrozenSet();
        var changes = _exceptions
            .Select(e => (Day: e.Key.DayNumber, Change: (e.Value == CalendarDayKind.WorkingDay ? 1 : 0) - (IsWeekday(e.Key.DayNumber) ? 1 : 0)))
            .Where(c => c.Change != 0).OrderBy(c => c.Day).ToArray();
        _changedDays = [.. changes.Select(c => c.Day)];
        _changeBefore = new int[changes.Length + 1];
        for (var i = 0; i < changes.Length; i++) _changeBefore[i + 1] = _changeBefore[i] + changes[i].Change;
    }

    /// <summary>Whether the State Council's arrangement for the year has been entered.</summary>
    public bool HasYear(int year) => _years.Contains(year);

    public bool IsWorkingDay(DateOnly date) => _exceptions.TryGetValue(date, out var kind)
        ? kind == CalendarDayKind.WorkingDay
        : date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    /// <summary>Whether the day is a statutory holiday (a weekend day inside a holiday's days included), not a plain rest day.</summary>
    public bool IsHoliday(DateOnly date) => _exceptions.TryGetValue(date, out var kind) && kind == CalendarDayKind.Holiday;

    /// <summary>
    /// The date on which a limit of <paramref name="workingDays"/> ends, counting from the day after
    /// <paramref name="start"/> (the day of acceptance does not count). Zero gives the start itself.
    /// </summary>
    public DateOnly AddWorkingDays(DateOnly start, int workingDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workingDays);
        var date = start;
        for (var counted = 0; counted < workingDays;)
        {
            date = date.AddDays(1);
            if (IsWorkingDay(date)) counted++;
        }
        return date;
    }

    /// <summary>Working days in (<paramref name="from"/>, <paramref name="to"/>]; negative when <paramref name="to"/> is earlier.</summary>
    /// <remarks>
    /// Arithmetic, not a walk: the weekdays in the range, corrected by the exceptions in it (two binary searches). The
    /// workbench computes a deadline for every row it shows, and an overdue case's range is months long.
    /// </remarks>
    public int CountWorkingDays(DateOnly from, DateOnly to)
    {
        if (to < from) return -CountWorkingDays(to, from);
        var (first, last) = (from.DayNumber + 1, to.DayNumber + 1); // the range as day numbers [first, last)
        return WeekdaysBefore(last) - WeekdaysBefore(first) + ChangeBefore(last) - ChangeBefore(first);
    }

    // Day number 0 (1 January of year 1) was a Monday.
    private static bool IsWeekday(int dayNumber) => dayNumber % 7 < 5;

    private static int WeekdaysBefore(int dayNumber) => dayNumber / 7 * 5 + Math.Min(dayNumber % 7, 5);

    private int ChangeBefore(int dayNumber)
    {
        var index = Array.BinarySearch(_changedDays, dayNumber);
        return _changeBefore[index >= 0 ? index : ~index];
    }

    /// <summary>The next working day on or after <paramref name="date"/>.</summary>
    public DateOnly NextWorkingDay(DateOnly date)
    {
        while (!IsWorkingDay(date)) date = date.AddDays(1);
        return date;
    }
}
