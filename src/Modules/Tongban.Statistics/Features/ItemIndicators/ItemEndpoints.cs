using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Tongban.Statistics.Features.QueryFigures;

namespace Tongban.Statistics.Features.ItemIndicators;

/// <summary>The API answer for an item-side indicator: as defined, the slicing, one row per slice and the total.</summary>
internal sealed record ItemFigureAnswer(
    string Indicator, string NameZh, string NameEn, string Unit, string FormulaZh, string FormulaEn, string Source, string By,
    string? Department, IReadOnlyList<ItemFigureRow> Rows, ItemFigureRow Total);

internal static class ItemEndpoints
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/items/{indicator}", async Task<Ok<ItemFigureAnswer>> (string indicator, string? by, string? department,
                ItemFigureService figures, ClaimsPrincipal user, CancellationToken ct) =>
            {
                var table = await figures.ReadAsync(indicator, by, department, user, ct);
                var i = table.Indicator;
                return TypedResults.Ok(new ItemFigureAnswer(i.Code, i.Zh, i.En, i.Unit.ToString().ToLowerInvariant(), i.FormulaZh, i.FormulaEn, i.Source,
                    table.By, table.Department, table.Rows, table.Total));
            })
            .RequireAuthorization(StatisticsScope.Policy)
            .WithSummary("An item-side indicator of the catalog in effect (online-handling rate, trips, limits) by department, level or division");
}
