using System.Globalization;
using System.Security.Claims;
using System.Text;
using CsvHelper;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Tongban.Statistics.Features.QueryFigures;

namespace Tongban.Statistics.Features.Dashboard;

/// <summary>
/// Each dashboard table as CSV (UTF-8 with a byte-order mark, so spreadsheet programs read the Chinese) or as an Excel
/// workbook (.xlsx, <see cref="Xlsx"/>), with the same filters and scope.
/// </summary>
internal static class ExportEndpoints
{
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        foreach (var (extension, type, write) in new (string, string, Func<FigureTable, byte[]>)[] { ("csv", "text/csv; charset=utf-8", Csv), ("xlsx", XlsxType, Xlsx) })
            endpoints.MapGet($"/statistics/export.{extension}", async (string? indicator, string? by, string? from, string? to, string? department,
                    string? division, string? level, FigureService figures, ClaimsPrincipal user, CancellationToken ct) =>
                {
                    var table = await figures.ReadAsync(new FigureRequest(indicator, by, from, to, department, division, level), user, ct);
                    var q = table.Query;
                    var name = $"{q.Indicator.Code}-{q.By.ToString().ToLowerInvariant()}-{q.From:yyyyMMdd}-{q.To:yyyyMMdd}.{extension}";
                    return Results.File(write(table), type, name);
                })
                .RequireAuthorization(StatisticsScope.Policy)
                .ExcludeFromDescription();
    }

    /// <summary>
    /// One sheet: the slice in both languages, the figure, its numerator and denominator, and the period as the region's
    /// days (dates, not times), headers in Chinese and English; the total last.
    /// </summary>
    private static readonly MiniExcelLibs.OpenXml.OpenXmlConfiguration DateColumns = new()
    {
        DynamicColumns = [new("开始日期 / From") { Format = "yyyy-MM-dd" }, new("结束日期 / To") { Format = "yyyy-MM-dd" }],
    };

    internal static byte[] Xlsx(FigureTable table)
    {
        var (q, i) = (table.Query, table.Query.Indicator);
        var rows = table.Rows.Append(table.Total).Select(row => new Dictionary<string, object?>
        {
            ["分组 / Slice"] = row.LabelZh,
            ["Slice (English)"] = row.LabelEn,
            [$"{i.Zh} / {i.En}"] = row.Value,
            ["分子 / Numerator"] = i.Numerator(row.Measures),
            ["分母 / Denominator"] = i.Denominator?.Invoke(row.Measures),
            ["开始日期 / From"] = q.From.ToDateTime(TimeOnly.MinValue),
            ["结束日期 / To"] = q.To.ToDateTime(TimeOnly.MinValue),
        });
        using var stream = new MemoryStream();
        MiniExcelLibs.MiniExcel.SaveAs(stream, rows, sheetName: i.Zh, configuration: DateColumns);
        return stream.ToArray();
    }

    internal static byte[] Csv(FigureTable table)
    {
        var i = table.Query.Indicator;
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = new CsvWriter(text, CultureInfo.InvariantCulture))
        {
            foreach (var header in new[] { "分组 / Slice", "Slice (English)", $"{i.Zh} / {i.En}", "分子 / Numerator", "分母 / Denominator" }) csv.WriteField(header);
            csv.NextRecord();
            foreach (var row in table.Rows.Append(table.Total))
            {
                csv.WriteField(row.LabelZh);
                csv.WriteField(row.LabelEn);
                csv.WriteField(row.Value?.ToString(CultureInfo.InvariantCulture) ?? "");
                csv.WriteField(i.Numerator(row.Measures));
                csv.WriteField(i.Denominator?.Invoke(row.Measures).ToString(CultureInfo.InvariantCulture) ?? "");
                csv.NextRecord();
            }
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }
}
