using System.Globalization;
using System.Security.Claims;
using System.Text;
using CsvHelper;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Tongban.Statistics.Features.Indicators;
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
        return Xlsx(i.Zh, [.. Headers(i), "开始日期 / From", "结束日期 / To"],
            table.Rows.Append(table.Total).Select(row => Cells(i, row).Append(q.From.ToDateTime(TimeOnly.MinValue)).Append(q.To.ToDateTime(TimeOnly.MinValue))), DateColumns);
    }

    internal static byte[] Csv(FigureTable table)
    {
        var i = table.Query.Indicator;
        return Csv(Headers(i), table.Rows.Append(table.Total).Select(row => Cells(i, row)));
    }

    private static string[] Headers(Indicator i) => [.. SliceHeaders, $"{i.Zh} / {i.En}", "分子 / Numerator", "分母 / Denominator"];

    private static IEnumerable<object?> Cells(Indicator i, FigureRow row) =>
        [row.LabelZh, row.LabelEn, row.Value, i.Numerator(row.Measures), i.Denominator?.Invoke(row.Measures)];

    /// <summary>The first two columns of every exported table: the slice's label in Chinese and in English.</summary>
    internal static readonly string[] SliceHeaders = ["分组 / Slice", "Slice (English)"];

    /// <summary>A table as CSV (UTF-8 with a byte-order mark): the headers, then each row's cells in order (invariant numbers, empty for none).</summary>
    internal static byte[] Csv(IEnumerable<string> headers, IEnumerable<IEnumerable<object?>> rows)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = new CsvWriter(text, CultureInfo.InvariantCulture))
        {
            foreach (var header in headers) csv.WriteField(header);
            csv.NextRecord();
            foreach (var row in rows)
            {
                foreach (var cell in row) csv.WriteField(Convert.ToString(cell, CultureInfo.InvariantCulture) ?? "");
                csv.NextRecord();
            }
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    /// <summary>The same table as one sheet of an Excel workbook, the headers as its columns.</summary>
    internal static byte[] Xlsx(string sheet, IReadOnlyList<string> headers, IEnumerable<IEnumerable<object?>> rows, MiniExcelLibs.OpenXml.OpenXmlConfiguration? configuration = null)
    {
        var lines = rows.Select(row => headers.Zip(row).ToDictionary(c => c.First, c => c.Second));
        using var stream = new MemoryStream();
        MiniExcelLibs.MiniExcel.SaveAs(stream, lines, sheetName: sheet, configuration: configuration);
        return stream.ToArray();
    }
}
