using Tongban.Catalog.Contracts;

namespace Tongban.Statistics.Features.Indicators;

/// <summary>
/// An item-side indicator, defined once: a sum over the catalog's items in effect (<see cref="ItemFigures"/>) of
/// <see cref="Numerator"/> and <see cref="Denominator"/>, and <see cref="Behind"/>, the items that stand behind the figure
/// (the drill-down). The figures are of today's catalog, not of a period.
/// </summary>
internal sealed record ItemIndicator(
    string Code, string Zh, string En, Unit Unit,
    Func<ItemFigures, long> Numerator, Func<ItemFigures, long>? Denominator,
    string FormulaZh, string FormulaEn, string Source, Func<ItemFigures, bool> Behind)
{
    public (long Numerator, long? Denominator, decimal? Value) Of(IReadOnlyCollection<ItemFigures> items)
    {
        var numerator = items.Sum(Numerator);
        long? denominator = Denominator is null ? null : items.Sum(Denominator);
        return (numerator, denominator, Indicator.Figure(numerator, denominator, Unit));
    }

    public (string Zh, string En) UnitWords => Indicator.Words(Unit);

    /// <summary>An item's time limit cut from the statutory one, in working days (0 without a statutory limit or when none is cut).</summary>
    public static long Compressed(ItemFigures item) => item.StatutoryLimitDays is { } statutory ? Math.Max(0, statutory - item.PromisedLimitDays) : 0;

    public static long HasStatutory(ItemFigures item) => item.StatutoryLimitDays is > 0 ? 1 : 0;
}
