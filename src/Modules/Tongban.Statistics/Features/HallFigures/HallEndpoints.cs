using System.Security.Claims;
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

    private static string[] Headers() =>
        [.. ExportEndpoints.SliceHeaders, .. IndicatorRegistry.Halls.Select(i => $"{i.Zh}（{i.UnitWords().Zh}）/ {i.En} ({i.UnitWords().En})")];

    private static IEnumerable<IEnumerable<object?>> Rows(HallFigureTable table) =>
        table.Rows.Append(table.Total).Select(row => new object?[] { row.LabelZh, row.LabelEn }.Concat(IndicatorRegistry.Halls.Select(i => (object?)row.Of(i))));

    internal static byte[] Csv(HallFigureTable table) => ExportEndpoints.Csv(Headers(), Rows(table));

    internal static byte[] Xlsx(HallFigureTable table) => ExportEndpoints.Xlsx("大厅", Headers(), Rows(table));
}
