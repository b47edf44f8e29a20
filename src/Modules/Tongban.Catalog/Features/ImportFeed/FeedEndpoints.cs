using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Tongban.Kernel.Security;

namespace Tongban.Catalog.Features.ImportFeed;

internal static class FeedEndpoints
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/feeds", ImportAsync).RequireAuthorization(Policies.CatalogAdministrator)
            .Accepts<FeedDocument>("application/json")
            .WithSummary("Import a provincial catalog feed (docs/catalog-feed.md); all or nothing; the same feed twice changes nothing");

    private static async Task<Ok<FeedReport>> ImportAsync(HttpRequest request, ImportFeed import, ClaimsPrincipal user, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, ct);
        return TypedResults.Ok(await import.RunAsync(buffer.ToArray(), "upload.json", Actor.Of(user), ct));
    }
}
