using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Tongban.Kernel.Security;

namespace Tongban.Catalog.Features.ImportFeed;

internal static class FeedEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/feeds", ImportAsync).RequireAuthorization(Policies.CatalogAdministrator)
            .Accepts<FeedDocument>("application/json")
            .WithSummary("Import a provincial catalog feed (docs/catalog-feed.md); all or nothing; the same feed twice changes nothing");
        api.MapPost("/feeds/csv", ImportCsvAsync).RequireAuthorization(Policies.CatalogAdministrator).DisableAntiforgery()
            .WithSummary("Import the CSV form of a feed: form files 'items' (items.csv) and 'materials' (materials.csv); ?partial=true for part of the catalog");
    }

    private static async Task<Ok<FeedReport>> ImportCsvAsync(IFormFile items, IFormFile materials, bool? partial, ImportFeed import, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(await import.RunAsync(await CsvFeedReader.ReadAsync(items, materials, complete: partial != true, ct), Actor.Of(user), ct));

    private static async Task<Ok<FeedReport>> ImportAsync(HttpRequest request, ImportFeed import, ClaimsPrincipal user, CancellationToken ct)
    {
        return TypedResults.Ok(await import.RunAsync(await FeedReader.BytesAsync(request.Body, ct), "upload.json", Actor.Of(user), ct));
    }
}
