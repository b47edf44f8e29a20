using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongban.Statistics.Domain;

namespace Tongban.Statistics.Features.PublicPerformance;

/// <summary>
/// 政务服务效能公示, for anyone: a published month's figures per department — cases concluded and on time, ratings and
/// the good-rating rate, items and the online-handling rate — with the formulas. Counts only: nothing here names a
/// case or a person.
/// </summary>
internal sealed class PerformanceModel(PublicPerformance performance) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Month { get; set; }

    public PublicMonth? Shown { get; private set; }
    public IReadOnlyList<string> Months { get; private set; } = [];

    /// <summary>A malformed month is named inline (the page's filter); a month not published is not found.</summary>
    public async Task OnGetAsync(CancellationToken ct)
    {
        Months = await performance.MonthsAsync(ct);
        Shown = await performance.PublishedAsync(Month, ct);
    }

    /// <summary>A rate as shown: one decimal and a non-breaking space before the sign, or a dash when nothing was counted.</summary>
    public static string Rate(decimal? value) => Indicators.Indicator.Percent(value);

    public static (string Zh, string En) MonthName(string month) => QueryFigures.Labels.Month(month);

    public static string Count(long value) => value.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);
}
