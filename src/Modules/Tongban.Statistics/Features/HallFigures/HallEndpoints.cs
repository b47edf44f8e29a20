using System.Globalization;
using System.Security.Claims;
using System.Text;
using CsvHelper;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Tongban.Statistics.Features.Dashboard;
using Tongban.Statistics.Features.Indicators;
using Tongban.Statistics.Features.QueryFigures;

namespace Tongban.Statistics.Features.HallFigures;

internal sealed record HallIndicatorAnswer(string Code, string NameZh, string NameEn, string Unit, string FormulaZh, string FormulaEn, string Source);

/// <summary>A row: each indicator's value by its code, and the counts under them.</summary>
internal sealed record HallAnswerRow(string Key, string LabelZh, string LabelEn, IReadOnlyDictionary<string, decimal?> Figures,
    long Tickets, long TicketsCalled, long WaitingSeconds, long AppointmentsDue, long AppointmentsCheckedIn);

internal sealed record HallAnswer(string By, DateOnly From, DateOnly To, string? Hall, IReadOnlyList<HallIndicatorAnswer> Indicators,
    IReadOnlyList<HallAnswerRow> Rows, HallAnswerRow Total);

/// <summary><c>GET /api/statistics/halls</c> and the hall table's CSV and Excel exports.</summary>
internal static class HallEndpoints
{
    public static void Map(RouteGroupBuilder api, IEndpointRouteBuilder endpoints)
    {
        api.MapGet("/halls", async Task<Ok<HallAnswer>> (string? by, string? from, string? to, string? hall,
                HallFigureService halls, ClaimsPrincipal user, CancellationToken ct) =>
                TypedResults.Ok(Answer(await halls.ReadAsync(by, from, to, hall, user, ct))))
            .RequireAuthorization(StatisticsScope.Policy)
            .WithSummary("Hall figures (tickets, average waiting time, appointments kept) by hall or month over a date range (region-wide readers only)");
        foreach (var (extension, type, write) in new (string, string, Func<HallFigureTable, byte[]>)[] { ("csv", "text/csv; charset=utf-8", Csv), ("xlsx", ExportEndpoints.XlsxType, Xlsx) })
            endpoints.MapGet($"/statistics/export-halls.{extension}", async (string? by, string? from, string? to, string? hall,
                    HallFigureService halls, ClaimsPrincipal user, CancellationToken ct) =>
                {
                    var table = await halls.ReadAsync(by, from, to, hall, user, ct);
                    return Results.File(write(table), type, $"halls-{table.By}-{table.From:yyyyMMdd}-{table.To:yyyyMMdd}.{extension}");
                })
                .RequireAuthorization(StatisticsScope.Policy)
                .ExcludeFromDescription();
    }

    private static HallAnswer Answer(HallFigureTable table)
    {
        HallAnswerRow Row(HallFigureRow r) => new(r.Key, r.LabelZh, r.LabelEn, IndicatorRegistry.Halls.ToDictionary(i => i.Code, r.Of),
            r.Sums.Tickets, r.Sums.TicketsCalled, r.Sums.WaitingSeconds, r.Sums.AppointmentsDue, r.Sums.AppointmentsCheckedIn);
        return new(table.By, table.From, table.To, table.Hall,
            [.. IndicatorRegistry.Halls.Select(i => new HallIndicatorAnswer(i.Code, i.Zh, i.En, i.Unit.ToString().ToLowerInvariant(), i.FormulaZh, i.FormulaEn, i.Source))],
            [.. table.Rows.Select(Row)], Row(table.Total));
    }

    private static readonly string[] SliceHeaders = ["分组 / Slice", "Slice (English)"];

    private static string Header(HallIndicator i) => $"{i.Zh}（{i.UnitWords().Zh}）/ {i.En} ({i.UnitWords().En})";

    internal static byte[] Csv(HallFigureTable table)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = new CsvWriter(text, CultureInfo.InvariantCulture))
        {
            foreach (var header in SliceHeaders.Concat(IndicatorRegistry.Halls.Select(Header))) csv.WriteField(header);
            csv.NextRecord();
            foreach (var row in table.Rows.Append(table.Total))
            {
                csv.WriteField(row.LabelZh);
                csv.WriteField(row.LabelEn);
                foreach (var indicator in IndicatorRegistry.Halls) csv.WriteField(row.Of(indicator)?.ToString(CultureInfo.InvariantCulture) ?? "");
                csv.NextRecord();
            }
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    internal static byte[] Xlsx(HallFigureTable table)
    {
        var rows = table.Rows.Append(table.Total).Select(row =>
        {
            var line = new Dictionary<string, object?> { ["分组 / Slice"] = row.LabelZh, ["Slice (English)"] = row.LabelEn };
            foreach (var indicator in IndicatorRegistry.Halls) line[Header(indicator)] = row.Of(indicator);
            return line;
        });
        using var stream = new MemoryStream();
        MiniExcelLibs.MiniExcel.SaveAs(stream, rows, sheetName: "大厅");
        return stream.ToArray();
    }
}
