using System.Globalization;
using Microsoft.Extensions.Options;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using Tongban.Kernel.Documents;
using Tongban.Statistics.Features.Indicators;

namespace Tongban.Statistics.Features.MonthlyReport;

/// <summary>
/// A monthly report as an A4 PDF (PDFsharp, the license library's stack, the kernel's embedded CJK font): the title in
/// both languages, the table of every indicator (this month, last month, the year to the month's end), the items with
/// the most cases, and on each page the department, the month, the page number and when it was made (region time).
/// Figures only: no person appears in it.
/// </summary>
internal sealed class MonthlyReportPdf(IOptions<DocumentOptions> documents)
{
    private const double Margin = 18, RowHeight = 6.4, PageWidth = 210, PageHeight = 297;
    private static readonly XColor Rule = XColor.FromArgb(190, 190, 190), Shade = XColor.FromArgb(238, 242, 247);

    public byte[] Render(MonthlyReport report)
    {
        using var document = new PdfDocument();
        var month = $"{report.Month.Year}年{report.Month.Month}月";
        document.Info.Title = $"{report.DepartmentZh} 政务服务月度报告 {month}";
        var monthEn = report.Month.ToString("MMMM yyyy", CultureInfo.InvariantCulture);
        document.Info.Subject = $"{report.DepartmentEn}: monthly report of government services, {monthEn}";
        var pages = new Pages(document, CjkFont.Family(documents.Value),
            $"{report.DepartmentZh} · {month} · 生成于 {report.MadeAt:yyyy-MM-dd HH:mm}（北京时间） · 数据来源：统计与效能");
        pages.Text(report.DepartmentZh, 16);
        pages.Text($"政务服务月度报告 · {month}", 12);
        pages.Text($"Monthly report of government services · {report.DepartmentEn} · {monthEn}", 9, XBrushes.DimGray);
        pages.Gap(4);
        pages.Text("一、办件与评价指标 Indicators", 11);
        pages.Table([95, 25, 25, 29], ["指标\nIndicator", "本月\nThis month", "上月\nLast month", "本年累计\nYear to date"],
            report.Figures.Select(f => (IReadOnlyList<string>)[Name(f.Indicator), Show(f.ThisMonth, f.Indicator.Unit), Show(f.LastMonth, f.Indicator.Unit), Show(f.YearToDate, f.Indicator.Unit)]));
        pages.Gap(6);
        pages.Text($"二、本月收件最多的事项（前 {MonthlyReport.ItemsShown} 项） Items with the most cases this month", 11);
        if (report.Items.Count == 0) pages.Text("本月没有收件。No cases were received this month.", 9);
        else
            pages.Table([86, 20, 20, 24, 24], ["事项\nItem", "收件\nReceived", "办结\nConcluded", "按时办结率\nOn time", "好评率\nGood ratings"],
                report.Items.Select(i => (IReadOnlyList<string>)[i.Name, $"{i.Received}", $"{i.Concluded}", Show(i.OnTimeRate, Unit.Percent), Show(i.GoodRate, Unit.Percent)]));
        pages.Gap(4);
        pages.Text("办结与按时办结按办结日、评价（含窗口现场评价）按评价日、整改按报告日计入当月；“—”表示当月没有可计算的件数。", 8, XBrushes.DimGray);
        pages.Text("Counted by the day concluded, rated (at the windows too) or reported; a dash: nothing to compute that month.", 8, XBrushes.DimGray);
        pages.Finish();
        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return output.ToArray();
    }

    /// <summary>The indicator's name in both languages, with its unit when a figure alone would not say it (days, trips).</summary>
    private static string Name(Indicator indicator) => indicator.Unit is Unit.Count or Unit.Percent
        ? $"{indicator.Zh} {indicator.En}"
        : $"{indicator.Zh}（{indicator.UnitWords.Zh}） {indicator.En} ({indicator.UnitWords.En})";

    /// <summary>A figure as printed: a count as it is, a percentage or days with one decimal, a dash for none.</summary>
    internal static string Show(decimal? value, Unit unit) => value switch
    {
        null => "—",
        { } v when unit == Unit.Percent => $"{v:0.0}%",
        { } v when v == decimal.Truncate(v) => $"{v:0}",
        { } v => $"{v:0.0}",
    };

    private static double Points(double mm) => mm * 72 / 25.4;

    /// <summary>Writes down the pages, starting a new one when the next line or row would not fit; each page gets the footer.</summary>
    private sealed class Pages(PdfDocument document, string family, string footer)
    {
        private readonly List<XGraphics> _pages = [];
        private XGraphics? _gfx;
        private double _y;

        private XGraphics Gfx => _gfx ?? NewPage();

        public void Text(string text, double size, XBrush? brush = null)
        {
            Room(size * 0.6);
            Gfx.DrawString(Fit(text, Font(size), PageWidth - 2 * Margin), Font(size), brush ?? XBrushes.Black, Points(Margin), Points(_y), XStringFormats.TopLeft);
            _y += size * 0.5 + 1.5;
        }

        public void Gap(double mm) => _y += mm;

        public void Table(double[] widths, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
        {
            Row(widths, headers, header: true);
            var shaded = false;
            foreach (var row in rows)
            {
                if (Room(RowHeight)) Row(widths, headers, header: true);
                Row(widths, row, header: false, shaded = !shaded);
            }
        }

        public void Finish()
        {
            _ = Gfx;
            for (var i = 0; i < _pages.Count; i++)
            {
                var text = $"{footer} · 第 {i + 1} / {_pages.Count} 页";
                _pages[i].DrawString(Fit(text, Font(7.5), PageWidth - 2 * Margin), Font(7.5), XBrushes.DimGray, Points(Margin), Points(PageHeight - Margin + 6), XStringFormats.TopLeft);
                _pages[i].Dispose();
            }
        }

        /// <summary>A row of cells, the first left-aligned and the figures right-aligned; a header's cells are two lines (Chinese, English).</summary>
        private void Row(double[] widths, IReadOnlyList<string> cells, bool header, bool shaded = false)
        {
            var (height, x, font) = (header ? RowHeight * 1.7 : RowHeight, Margin, Font(header ? 8.5 : 9));
            Room(height);
            if (header || shaded)
                Gfx.DrawRectangle(new XSolidBrush(header ? XColor.FromArgb(215, 226, 240) : Shade), Points(Margin), Points(_y), Points(widths.Sum()), Points(height));
            for (var i = 0; i < widths.Length; i++)
            {
                var lines = cells[i].Split('\n');
                for (var l = 0; l < lines.Length; l++)
                {
                    var box = new XRect(Points(x + 1.5), Points(_y + height * l / lines.Length), Points(widths[i] - 3), Points(height / lines.Length));
                    Gfx.DrawString(Fit(lines[l], font, widths[i] - 3), font, XBrushes.Black, box, i == 0 ? XStringFormats.CenterLeft : XStringFormats.CenterRight);
                }
                x += widths[i];
            }
            Gfx.DrawLine(new XPen(Rule, 0.5), Points(Margin), Points(_y + height), Points(Margin + widths.Sum()), Points(_y + height));
            _y += height;
        }

        /// <summary>Starts a new page when <paramref name="mm"/> more would not fit above the footer; whether it did.</summary>
        private bool Room(double mm)
        {
            if (_gfx is not null && _y + mm <= PageHeight - Margin) return false;
            NewPage();
            return _pages.Count > 1;
        }

        private XGraphics NewPage()
        {
            var page = document.AddPage();
            (page.Width, page.Height) = (XUnit.FromMillimeter(PageWidth), XUnit.FromMillimeter(PageHeight));
            _gfx = XGraphics.FromPdfPage(page);
            _pages.Add(_gfx);
            _y = Margin;
            return _gfx;
        }

        private XFont Font(double size) => new(family, size, XFontStyleEx.Regular, new XPdfFontOptions(PdfFontEncoding.Unicode));

        /// <summary>The text cut with an ellipsis to fit <paramref name="mm"/> wide.</summary>
        private string Fit(string text, XFont font, double mm)
        {
            var width = Points(mm);
            if (Gfx.MeasureString(text, font).Width <= width) return text;
            var cut = text;
            while (cut.Length > 1 && Gfx.MeasureString(cut + "…", font).Width > width) cut = cut[..^1];
            return cut + "…";
        }
    }
}
