using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Html;

namespace Tongban.Statistics.Features.Dashboard;

/// <summary>
/// A bar chart drawn on the server as SVG: no script, scales to the width it is given (a 360 px phone too), text in
/// the page's font (so the elderly mode's larger type applies around it). The table after it carries the same figures
/// for screen readers, so the drawing itself is hidden from them.
/// </summary>
internal static class SvgChart
{
    private const int Width = 640, Height = 260, Left = 8, Bottom = 40, Top = 30;

    public static IHtmlContent Bars(IReadOnlyList<(string Label, decimal Value)> bars, string describedBy)
    {
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-hidden=\"true\" focusable=\"false\" data-described-by=\"{describedBy}\" preserveAspectRatio=\"xMidYMid meet\">");
        var max = bars.Count == 0 ? 0 : bars.Max(b => b.Value);
        var slot = (Width - Left * 2) / (double)Math.Max(1, bars.Count);
        for (var i = 0; i < bars.Count; i++)
        {
            var (label, value) = bars[i];
            var h = max <= 0 ? 0 : (double)(value / max) * (Height - Bottom - Top);
            var x = Left + i * slot + slot * 0.15;
            var y = Height - Bottom - h;
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x:F1}\" y=\"{y:F1}\" width=\"{slot * 0.7:F1}\" height=\"{h:F1}\" class=\"chart-bar\" />");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + slot * 0.35:F1}\" y=\"{y - 4:F1}\" text-anchor=\"middle\" class=\"chart-value\">{Format(value)}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + slot * 0.35:F1}\" y=\"{Height - Bottom + 26}\" text-anchor=\"middle\" class=\"chart-label\">{WebUtility.HtmlEncode(label)}</text>");
        }
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" y1=\"{Height - Bottom}\" x2=\"{Width - Left}\" y2=\"{Height - Bottom}\" class=\"chart-axis\" /></svg>");
        return new HtmlString(svg.ToString());
    }

    public static string Format(decimal value) => value.ToString(value == Math.Truncate(value) ? "N0" : "N1", CultureInfo.InvariantCulture);
}
