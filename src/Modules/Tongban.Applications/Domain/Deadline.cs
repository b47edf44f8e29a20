using Tongban.Kernel.Calendar;

namespace Tongban.Applications.Domain;

/// <summary>
/// A case's time limit on a given day. The limit counts working days from the day after acceptance; each clock
/// stop adds back the working days in (its first day, its last day], an open stop those up to today, so while a
/// stop is open the due date moves with it.
/// </summary>
internal sealed record Deadline(DateOnly? DueOn, int Remaining, int Stopped, bool ClockStopped, DeadlineLevel Level)
{
    public static readonly Deadline NotStarted = new(null, 0, 0, false, DeadlineLevel.NotStarted);

    public static Deadline On(DateOnly today, DateOnly? acceptedOn, int limitDays, IReadOnlyList<ClockStop> stops, WorkingDayCalendar calendar, decimal warningShare)
    {
        if (acceptedOn is not { } start) return NotStarted;
        var stopped = stops.Sum(s => calendar.CountWorkingDays(s.From, s.To ?? Later(s.From, today)));
        var due = calendar.AddWorkingDays(start, limitDays + stopped);
        var remaining = calendar.CountWorkingDays(today, due);
        var level = today > due ? DeadlineLevel.Overdue
            : remaining <= limitDays * warningShare ? DeadlineLevel.Warning
            : DeadlineLevel.Normal;
        return new Deadline(due, remaining, stopped, stops.Any(s => s.To is null), level);
    }

    private static DateOnly Later(DateOnly a, DateOnly b) => a > b ? a : b;
}
