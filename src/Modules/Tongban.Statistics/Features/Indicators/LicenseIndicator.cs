using Tongban.Licenses.Contracts;

namespace Tongban.Statistics.Features.Indicators;

/// <summary>
/// A license indicator, defined once: a count the license library keeps per issuing authority and month
/// (<see cref="ILicenseFigures"/>), its names, what it counts and where the definition comes from.
/// </summary>
internal sealed record LicenseIndicator(string Code, string Zh, string En, Func<LicenseMonthFigures, long> Count, string FormulaZh, string FormulaEn, string Source);

/// <summary>
/// A hall indicator, defined once over a hall's monthly figures (<see cref="Halls.Contracts.IHallFigures"/>): a count, or
/// a ratio of two of them (a percentage, or minutes with one decimal); null when the denominator is 0.
/// </summary>
internal sealed record HallIndicator(string Code, string Zh, string En, Unit Unit, Func<Halls.Contracts.HallMonthFigures, long> Numerator,
    Func<Halls.Contracts.HallMonthFigures, long>? Denominator, string FormulaZh, string FormulaEn, string Source)
{
    public decimal? Value(Halls.Contracts.HallMonthFigures f) => Indicator.Figure(Numerator(f), Denominator?.Invoke(f), Unit);

    public (string Zh, string En) UnitWords() => Indicator.Words(Unit);
}
