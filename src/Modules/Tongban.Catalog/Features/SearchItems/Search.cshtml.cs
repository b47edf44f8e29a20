using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongban.Catalog.Search;

namespace Tongban.Catalog.Features.SearchItems;

/// <summary>
/// The portal search: items grouped by basic item with their places, life events among them; any input answers, an
/// empty query lists nothing. Reads the request as the API does (<see cref="SearchInput"/>).
/// </summary>
internal sealed class SearchModel(SearchIndexStore store) : PageModel
{
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true)] public string? Subject { get; set; }
    [BindProperty(SupportsGet = true)] public string? Division { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;

    public string? Q { get; private set; }
    public string? Home { get; private set; }
    public SearchResult? Result { get; private set; }
    public SearchIndex Index { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        PageNumber = Math.Max(1, PageNumber);
        Q = SearchInput.Query(Request.Query["q"]);
        var asked = Request.Query.ContainsKey("home") ? Request.Query["home"].ToString() : null;
        Home = SearchInput.Home(asked, Request);
        SearchInput.RememberHome(HttpContext, Home);
        Index = await store.GetAsync(ct);
        Result = string.IsNullOrWhiteSpace(Q) ? null
            : Index.Search(Q, SearchInput.Filter(Subject, null, Division), SearchInput.SkipFor(PageNumber, PageSize), PageSize, Home);
    }

    /// <summary>This search with one parameter changed (or removed when null), for the facet, place and page links.</summary>
    public string Link(string? division = null, int? page = null, bool keepDivision = true)
    {
        var parts = new List<string> { "q=" + Uri.EscapeDataString(Q ?? "") };
        if (Subject is not null) parts.Add("subject=" + Uri.EscapeDataString(Subject));
        var place = division ?? (keepDivision ? Division : null);
        if (!string.IsNullOrEmpty(place)) parts.Add("division=" + Uri.EscapeDataString(place));
        if (page is > 1) parts.Add("page=" + page);
        return "/search?" + string.Join("&", parts);
    }

    public bool HasNextPage => Result is not null && Result.Total > (long)PageNumber * PageSize;
}
