namespace Tongban.Statistics.Domain;

/// <summary>
/// Where a figure falls: the region's day, the department, the administrative division of the case (12 digits; its level
/// follows from it), the item, the channel.
/// </summary>
internal readonly record struct Slice(DateOnly Day, string DepartmentCode, string DivisionCode, string ItemCode, string Channel);

/// <summary>
/// The counts and sums a day adds up for one slice. Each is a plain sum over the case facts, so a roll-up is the sum of
/// its facts' contributions (<see cref="Contributions"/>) and a rebuild gives the same figures as live updates.
/// </summary>
internal sealed record Measures
{
    public long Received { get; set; }
    public long Accepted { get; set; }
    public long Refused { get; set; }
    public long Concluded { get; set; }
    public long ConcludedWithDue { get; set; }
    public long ConcludedOnTime { get; set; }
    public long ConcludedLate { get; set; }
    public long WorkingDaysSum { get; set; }
    public long WorkingDaysCount { get; set; }
    public long Corrections { get; set; }
    public long Rated { get; set; }
    public long RatedBad { get; set; }
    public long Withdrawn { get; set; }
    public long AcceptedDeferred { get; set; }

    /// <summary>Concluded cases whose trips and promise are known, their trips, and those with more trips than promised.</summary>
    public long TripsCounted { get; set; }
    public long TripsSum { get; set; }
    public long TripsOverPromise { get; set; }

    /// <summary>Materials provided with the cases received, and those taken from a registry, a department's system or an e-license (免提交).</summary>
    public long MaterialsProvided { get; set; }
    public long MaterialsReused { get; set; }

    /// <summary>Rectifications reported, and of them those reported on or before their due date (整改按时).</summary>
    public long Rectified { get; set; }
    public long RectifiedOnTime { get; set; }

    /// <summary>Appeals lodged, and of them those an efficiency supervisor upheld (申诉成立).</summary>
    public long Appeals { get; set; }
    public long AppealsUpheld { get; set; }

    public void Add(Measures other, int sign = 1)
    {
        Received += sign * other.Received; Accepted += sign * other.Accepted; Refused += sign * other.Refused;
        Concluded += sign * other.Concluded; ConcludedWithDue += sign * other.ConcludedWithDue;
        ConcludedOnTime += sign * other.ConcludedOnTime; ConcludedLate += sign * other.ConcludedLate;
        WorkingDaysSum += sign * other.WorkingDaysSum; WorkingDaysCount += sign * other.WorkingDaysCount;
        Corrections += sign * other.Corrections; Rated += sign * other.Rated; RatedBad += sign * other.RatedBad;
        Withdrawn += sign * other.Withdrawn; AcceptedDeferred += sign * other.AcceptedDeferred;
        TripsCounted += sign * other.TripsCounted; TripsSum += sign * other.TripsSum; TripsOverPromise += sign * other.TripsOverPromise;
        MaterialsProvided += sign * other.MaterialsProvided; MaterialsReused += sign * other.MaterialsReused;
        Rectified += sign * other.Rectified; RectifiedOnTime += sign * other.RectifiedOnTime;
        Appeals += sign * other.Appeals; AppealsUpheld += sign * other.AppealsUpheld;
    }

    public bool IsZero => this == new Measures();
}

/// <summary>
/// A row of a roll-up: a slice without its day (the month, department, division, item and channel) and its measures,
/// with the item's name for labels. <see cref="DailyFigures"/> holds a day's, <see cref="MonthlyFigures"/> a whole
/// month's — the sum of that month's daily rows, kept beside them so that a year is read as twelve months, not 365 days.
/// </summary>
internal abstract class RollupRow
{
    public string Month { get; protected set; } = "";
    public string DepartmentCode { get; protected set; } = "";
    public string DivisionCode { get; protected set; } = "";
    public string ItemCode { get; protected set; } = "";
    public string ItemName { get; protected set; } = "";
    public string Channel { get; protected set; } = "";
    public Measures Figures { get; protected set; } = new();

    /// <summary>Bumped by every change, so two writers adding to one row at once cannot lose an addition.</summary>
    public int Revision { get; private set; }

    public Measures Add(Measures change)
    {
        Figures.Add(change);
        Revision++;
        return Figures;
    }

    protected void Place(Slice slice, string itemName, Measures figures)
    {
        Month = MonthOf(slice.Day);
        (DepartmentCode, DivisionCode, ItemCode, ItemName, Channel) = (slice.DepartmentCode, slice.DivisionCode, slice.ItemCode, itemName, slice.Channel);
        Figures = figures with { };
    }

    public static string MonthOf(DateOnly day) => day.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>One row of <c>st_daily</c>: a slice's measures on one day.</summary>
internal sealed class DailyFigures : RollupRow
{
    private DailyFigures() { }

    public DateOnly Day { get; private set; }

    public static DailyFigures For(Slice slice, string itemName, Measures figures)
    {
        var row = new DailyFigures { Day = slice.Day };
        row.Place(slice, itemName, figures);
        return row;
    }
}

/// <summary>One row of <c>st_monthly</c>: a slice's measures over a whole month (the sum of its days).</summary>
internal sealed class MonthlyFigures : RollupRow
{
    private MonthlyFigures() { }

    public static MonthlyFigures For(Slice slice, string itemName, Measures figures)
    {
        var row = new MonthlyFigures();
        row.Place(slice, itemName, figures);
        return row;
    }
}
