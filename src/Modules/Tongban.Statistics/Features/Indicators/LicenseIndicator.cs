using Tongban.Licenses.Contracts;

namespace Tongban.Statistics.Features.Indicators;

/// <summary>
/// A license indicator, defined once: a count the license library keeps per issuing authority and month
/// (<see cref="ILicenseFigures"/>), its names, what it counts and where the definition comes from.
/// </summary>
internal sealed record LicenseIndicator(string Code, string Zh, string En, Func<LicenseMonthFigures, long> Count, string FormulaZh, string FormulaEn, string Source);
