using System.Globalization;
using System.Security.Claims;
using System.Text;
using CsvHelper;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Tongban.Statistics.Features.QueryFigures;

namespace Tongban.Statistics.Features.Dashboard;

/// <summary>Each dashboard table as CSV (UTF-8 with a byte-order mark, so spreadsheet programs read the Chinese), with the same filters and scope.</summary>
internal static class ExportEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/statistics/export.csv", async (string? indicator, string? by, string? from, string? to, string? department,
                FigureService figures, ClaimsPrincipal user, CancellationToken ct) =>
            {
                var table = await figures.ReadAsync(new FigureRequest(indicator, by, from, to, department), user, ct);
                var q = table.Query;
                var name = $"{q.Indicator.Code}-{q.By.ToString().ToLowerInvariant()}-{q.From:yyyyMMdd}-{q.To:yyyyMMdd}.csv";
                return Results.File(Csv(table), "text/csv; charset=utf-8", name);
            })
            .RequireAuthorization(StatisticsScope.Policy)
            .ExcludeFromDescription();

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
