using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Tongban.Statistics.Features.Dashboard;
using Tongban.Statistics.Features.Indicators;
using Tongban.Statistics.Features.QueryFigures;

namespace Tongban.Statistics.Features.LicenseFigures;

internal sealed record LicenseIndicatorAnswer(string Code, string NameZh, string NameEn, string FormulaZh, string FormulaEn, string Source);

internal sealed record LicenseAnswerRow(string Key, string LabelZh, string LabelEn, IReadOnlyDictionary<string, long> Figures);

/// <summary>The API answer: the license indicators as defined, the slicing, the dates, and per row each indicator's count by its code.</summary>
internal sealed record LicenseAnswer(string By, DateOnly From, DateOnly To, string? Department, IReadOnlyList<LicenseIndicatorAnswer> Indicators,
    IReadOnlyList<LicenseAnswerRow> Rows, LicenseAnswerRow Total);

/// <summary><c>GET /api/statistics/licenses</c> and the license table's CSV and Excel exports, with the dashboard's filters and scope.</summary>
internal static class LicenseEndpoints
{
    public static void Map(RouteGroupBuilder api, IEndpointRouteBuilder endpoints)
    {
        api.MapGet("/licenses", async Task<Ok<LicenseAnswer>> (string? by, string? from, string? to, string? department,
                LicenseFigureService licenses, ClaimsPrincipal user, CancellationToken ct) =>
                TypedResults.Ok(Answer(await licenses.ReadAsync(by, from, to, department, user, ct))))
            .RequireAuthorization(StatisticsScope.Policy)
            .WithSummary("License figures (issued, imported, verifications, other uses) by department or month over a date range (a department head: their department only)");
        foreach (var (extension, type, write) in new (string, string, Func<LicenseFigureTable, byte[]>)[] { ("csv", "text/csv; charset=utf-8", Csv), ("xlsx", ExportEndpoints.XlsxType, Xlsx) })
            endpoints.MapGet($"/statistics/export-licenses.{extension}", async (string? by, string? from, string? to, string? department,
                    LicenseFigureService licenses, ClaimsPrincipal user, CancellationToken ct) =>
                {
                    var table = await licenses.ReadAsync(by, from, to, department, user, ct);
                    return Results.File(write(table), type, $"licenses-{table.By}-{table.From:yyyyMMdd}-{table.To:yyyyMMdd}.{extension}");
                })
                .RequireAuthorization(StatisticsScope.Policy)
                .ExcludeFromDescription();
    }

    private static LicenseAnswer Answer(LicenseFigureTable table)
    {
        LicenseAnswerRow Row(LicenseFigureRow r) => new(r.Key, r.LabelZh, r.LabelEn, IndicatorRegistry.Licenses.ToDictionary(i => i.Code, r.Of));
        return new(table.By, table.From, table.To, table.Department,
            [.. IndicatorRegistry.Licenses.Select(i => new LicenseIndicatorAnswer(i.Code, i.Zh, i.En, i.FormulaZh, i.FormulaEn, i.Source))],
            [.. table.Rows.Select(Row)], Row(table.Total));
    }

    private static string[] Headers() => [.. ExportEndpoints.SliceHeaders, .. IndicatorRegistry.Licenses.Select(i => $"{i.Zh} / {i.En}")];

    private static IEnumerable<IEnumerable<object?>> Rows(LicenseFigureTable table) =>
        table.Rows.Append(table.Total).Select(row => new object?[] { row.LabelZh, row.LabelEn }.Concat(IndicatorRegistry.Licenses.Select(i => (object?)row.Of(i))));

    internal static byte[] Csv(LicenseFigureTable table) => ExportEndpoints.Csv(Headers(), Rows(table));

    internal static byte[] Xlsx(LicenseFigureTable table) => ExportEndpoints.Xlsx("电子证照", Headers(), Rows(table));
}
