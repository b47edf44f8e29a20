using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Tongban.Catalog.Search;

namespace Tongban.Catalog.Features.SearchItems;

internal sealed record ImplementationView(string ImplementationCode, string Division, string DivisionName, string Level, string Department, bool Suspended, string Url);

internal sealed record SearchHitView(
    string Kind, string Code, string Name, string? Summary, string Match, string Url, string? ImplementationCode, string? Department, string Subjects,
    int? OnlineDepth, string? OnlineHandling, IReadOnlyList<ImplementationView> Implementations);

internal sealed record PlaceView(string Division, string Name, int Count);

internal sealed record SearchResponse(string Query, int Total, int Items, int Skip, int Take, IReadOnlyList<SearchHitView> Hits, IReadOnlyList<PlaceView> Places);

internal static class SearchEndpoints
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/search", SearchAsync).WithSummary(
            "Search items and life events by name, description, synonyms, full pinyin or initials (公积金, gongjijin, gjj): one hit per basic item with its " +
            "implementations (those in `home`, a division code, first) and the places as a facet (`division` narrows to one). A repeated q is one query " +
            "of its values joined by spaces. skip ≥ 0; take 0–100 (more is cut to 100).");

    private static async Task<Ok<SearchResponse>> SearchAsync(string[]? q, string? subject, string? department, string? division, string? home, int? skip, int? take,
        HttpRequest request, SearchIndexStore store, CancellationToken ct)
    {
        var (from, count) = SearchInput.Paging(skip, take, 20);
        var index = await store.GetAsync(ct);
        var result = index.Search(SearchInput.Query(q), SearchInput.Filter(subject, department, division), from, count, SearchInput.Home(home, request));
        return TypedResults.Ok(new SearchResponse(result.Query, result.Total, result.Items, from, count,
            [.. result.Groups.Select(g => View(g, index))], [.. result.Places.Select(p => new PlaceView(p.Code, p.Name, p.Count))]));
    }

    private static SearchHitView View(SearchGroup g, SearchIndex index)
    {
        var match = g.Match.ToString().ToLowerInvariant();
        if (g.LifeEvent is { } e)
            return new("life-event", e.Code, g.Name, g.Summary, match, $"/life-events/{e.Code}", null, null, Labels.Of(e.Subjects), null, null, []);
        var d = g.Primary!;
        return new("item", g.Code, g.Name, g.Summary, match, $"/items/{d.ImplementationCode}", d.ImplementationCode, d.DepartmentName, Labels.Of(d.Subjects),
            d.OnlineDepth, Labels.Depth(d.OnlineDepth),
            [.. g.Implementations.Select(i => new ImplementationView(i.ImplementationCode, i.DivisionCode, index.DivisionName(i.DivisionCode), Labels.Of(i.Level),
                i.DepartmentName, i.Status == Domain.ItemStatus.Suspended, $"/items/{i.ImplementationCode}"))]);
    }
}
