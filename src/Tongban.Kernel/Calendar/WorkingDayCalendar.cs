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

    public WorkingDayCalendar(IEnumerable<(DateOnly Date, CalendarDayKind Kind)> exceptions)
    {
        _exceptions = exceptions.ToFrozenDictionary(e => e.Date, e => e.Kind);
        _years = _exceptions.Keys.Select(d => d.Year).ToFrozenSet();
    }

    /// <summary>Whether the State Council's arrangement for the year has been entered.</summary>
    public bool HasYear(int year) => _years.Contains(year);

    public bool IsWorkingDay(DateOnly date) => _exceptions.TryGetValue(date, out var kind)
        ? kind == CalendarDayKind.WorkingDay
        : date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

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
    public int CountWorkingDays(DateOnly from, DateOnly to)
    {
        if (to < from) return -CountWorkingDays(to, from);
        var count = 0;
        for (var date = from.AddDays(1); date <= to; date = date.AddDays(1))
            if (IsWorkingDay(date)) count++;
        return count;
    }

    /// <summary>The next working day on or after <paramref name="date"/>.</summary>
    public DateOnly NextWorkingDay(DateOnly date)
    {
        while (!IsWorkingDay(date)) date = date.AddDays(1);
        return date;
    }
}
