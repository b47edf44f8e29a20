using Tongban.Statistics.Domain;

namespace Tongban.Statistics.Features.Indicators;

internal enum Unit
{
    Count,
    Percent,
    WorkingDays,
    Trips,
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
    public decimal? Value(Measures m)
    {
        var numerator = Numerator(m);
        if (Denominator is null) return numerator;
        var denominator = Denominator(m);
        if (denominator == 0) return null;
        var ratio = (decimal)numerator / denominator;
        return Math.Round(Unit == Unit.Percent ? ratio * 100 : ratio, 1, MidpointRounding.AwayFromZero);
    }

    public (string Zh, string En) UnitWords => Unit switch
    {
        Unit.Percent => ("%", "%"),
        Unit.WorkingDays => ("个工作日", "working days"),
        Unit.Trips => ("次", "trips"),
        _ => ("件", "cases"),
    };
}
