using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using System.Security.Claims;

namespace Tongban.Statistics.Features.QueryFigures;

/// <summary>The API answer: the indicator as defined, the slicing, the dates, and one row per slice with its figure.</summary>
internal sealed record FigureAnswer(
    string Indicator, string NameZh, string NameEn, string Unit, string FormulaZh, string FormulaEn, string By,
    DateOnly From, DateOnly To, string? Department, string? Division, string? Level, IReadOnlyList<FigureAnswerRow> Rows, FigureAnswerRow Total);

internal sealed record FigureAnswerRow(string Key, string LabelZh, string LabelEn, long Numerator, long? Denominator, decimal? Value);

internal static class StatisticsEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/{indicator}", async Task<Ok<FigureAnswer>> (string indicator, string? by, string? from, string? to, string? department,
                string? division, string? level, FigureService figures, ClaimsPrincipal user, CancellationToken ct) =>
                TypedResults.Ok(Answer(await figures.ReadAsync(new FigureRequest(indicator, by, from, to, department, division, level), user, ct))))
            .RequireAuthorization(StatisticsScope.Policy)
            .WithSummary("An indicator's figures by department, division, level, item, channel, month or day over a date range, optionally of one division or level (a department head: their department only)");
    }

    private static FigureAnswer Answer(FigureTable table)
    {
        var (q, i) = (table.Query, table.Query.Indicator);
        FigureAnswerRow Row(FigureRow r) => new(r.Key, r.LabelZh, r.LabelEn, i.Numerator(r.Measures), i.Denominator?.Invoke(r.Measures), r.Value);
        return new(i.Code, i.Zh, i.En, i.Unit.ToString().ToLowerInvariant(), i.FormulaZh, i.FormulaEn, q.By.ToString().ToLowerInvariant(),
            q.From, q.To, q.Department, q.Division, q.Level is { } l ? Labels.LevelKey(l) : null, [.. table.Rows.Select(Row)], Row(table.Total));
    }
}
