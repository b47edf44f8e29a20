using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Tongban.Catalog.Search;

namespace Tongban.Catalog.Features.SearchItems;

internal sealed record SearchHitView(string ImplementationCode, string Name, string Department, string Subjects, int OnlineDepth, string OnlineHandling, string Match, string Url);

internal sealed record SearchResponse(string Query, int Total, IReadOnlyList<SearchHitView> Hits);

internal static class SearchEndpoints
{
    private const int MaxSkip = 1_000_000;

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/search", SearchAsync).WithSummary("Search items by name, description, synonyms, full pinyin or initials (e.g. 公积金, gongjijin, gjj)");

    private static async Task<Ok<SearchResponse>> SearchAsync(string? q, string? subject, string? department, int? skip, int? take, SearchIndexStore store, CancellationToken ct)
    {
        var index = await store.GetAsync(ct);
        // A page past any catalog's size is empty; clamped here so skip + take cannot overflow in the index.
        var result = index.Search(q, new SearchFilter(Labels.SubjectFrom(subject), department), Math.Clamp(skip ?? 0, 0, MaxSkip), take ?? 20);
        return TypedResults.Ok(new SearchResponse(result.Query, result.Total, result.Hits.Select(View).ToList()));
    }

    public static SearchHitView View(SearchHit hit) => new(
        hit.Document.ImplementationCode, hit.Document.Name, hit.Document.DepartmentName, Labels.Of(hit.Document.Subjects),
        hit.Document.OnlineDepth, Labels.Depth(hit.Document.OnlineDepth), hit.Match.ToString().ToLowerInvariant(), $"/items/{hit.Document.ImplementationCode}");
}
