using Tongban.Statistics.Domain;

namespace Tongban.Statistics.Features.Indicators;

internal enum Unit
{
    Count,
    Percent,
    WorkingDays,
    Trips,
    Items,
    Minutes,
    Tickets,
}

/// <summary>The milestone whose day places a case under a figure: what the drill-down lists.</summary>
internal enum Milestone
{
    Received,
    Accepted,
    Refused,
    Concluded,
    Rated,
    Withdrawn,
    Rectified,
    Appealed,
}

/// <summary>Which of a milestone's cases stand behind a figure (the drill-down's second condition).</summary>
internal enum Behind
{
    All,
    ConcludedOnTime,
    ConcludedLate,
    WithCorrections,
    RatedBad,
    RatedGood,
    AcceptedDeferred,
    TripsOverPromise,
    TripsWithinPromise,
    RectifiedOnTime,
    AppealUpheld,
}

/// <summary>
/// One indicator, defined once: its code (in API addresses only), names, unit, numerator and denominator over the daily
/// measures, its formula as people read it, where the definition comes from, and the cases behind it.
/// </summary>
internal sealed record Indicator(
    string Code, string Zh, string En, Unit Unit,
    Func<Measures, long> Numerator, Func<Measures, long>? Denominator,
    string FormulaZh, string FormulaEn, string Source, Milestone Milestone, Behind Behind = Behind.All)
{
    /// <summary>The figure from summed measures: a count, a percentage with one decimal, or days with one decimal; null when the denominator is 0.</summary>
    public decimal? Value(Measures m) => Figure(Numerator(m), Denominator?.Invoke(m), Unit);

    public (string Zh, string En) UnitWords => Words(Unit);

    /// <summary>A percentage as shown: one decimal, a non-breaking space before the sign (it stays on the figure's line); a dash for none.</summary>
    public static string Percent(decimal? value) => value is { } v ? $"{v:0.0}\u00a0%" : "—";

    /// <summary>A count as it is; a ratio as a percentage or a number with one decimal; null when the denominator is 0.</summary>
    public static decimal? Figure(long numerator, long? denominator, Unit unit)
    {
        if (denominator is not { } d) return numerator;
        if (d == 0) return null;
        var ratio = (decimal)numerator / d;
        return Math.Round(unit == Unit.Percent ? ratio * 100 : ratio, 1, MidpointRounding.AwayFromZero);
    }

    public static (string Zh, string En) Words(Unit unit) => unit switch
    {
        Unit.Percent => ("%", "%"),
        Unit.WorkingDays => ("个工作日", "working days"),
        Unit.Trips => ("次", "trips"),
        Unit.Items => ("项", "items"),
        Unit.Minutes => ("分钟", "minutes"),
        Unit.Tickets => ("张", "tickets"),
        _ => ("件", "cases"),
    };
}
